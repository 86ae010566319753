// Routes of the JSON API registered from their OpenAPI operation (openapi.ts): a route the document does not
// describe fails when the router is built, and each route refuses a query parameter or a body field the document
// does not list for it, so a misspelt filter is an error a script sees, never a filter silently dropped.
import type { Request, RequestHandler, Router } from 'express'
import { InvalidInputError } from '../errors.js'
import { UnsupportedMediaError } from './errors.js'
import { type Operation, operationOf } from './openapi.js'

/** A route's handlers; its path parameters (":id") are single strings. */
export type ApiHandler = RequestHandler<Record<string, string>>

export interface Documented {
  get(route: string, ...handlers: ApiHandler[]): void
  post(route: string, ...handlers: ApiHandler[]): void
}

export function documented(router: Router): Documented {
  const add =
    (method: 'get' | 'post') =>
    (route: string, ...handlers: ApiHandler[]) => {
      router[method](route, knownQuery(operationOf(method, route)), ...(handlers as RequestHandler[]))
    }
  return { get: add('get'), post: add('post') }
}

const SEE = 'The API is described at /api/openapi.json.'

function knownQuery(operation: Operation): RequestHandler {
  const names = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name)
  return (req, _res, next) => {
    const unknown = Object.keys(req.query).find((name) => !names.includes(name))
    if (unknown !== undefined) {
      throw new InvalidInputError(
        `"${unknown}" is not a parameter of ${req.method} /api${req.route?.path ?? req.path}: it takes ${names.length ? names.join(', ') : 'none'}. ${SEE}`,
      )
    }
    next()
  }
}

/** A JSON body's fields as the operation documents them: unknown fields and wrong types are refused. */
export function bodyFields(req: Request, operation: Operation): Record<string, string | boolean> {
  // No body at all (a split, an undo) reads as {}; a body of any other type is refused.
  if (req.is('application/json') === false)
    throw new UnsupportedMediaError('Send the fields as JSON with the header Content-Type: application/json.')
  const body: unknown = req.body ?? {}
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new InvalidInputError(`Send the fields as one JSON object. ${SEE}`)
  const schema = operation.requestBody?.content['application/json']?.schema as
    | { properties?: Record<string, { type?: string }> }
    | undefined
  const properties = schema?.properties ?? {}
  const fields: Record<string, string | boolean> = {}
  for (const [name, value] of Object.entries(body)) {
    const declared = properties[name]
    if (!declared) {
      const known = Object.keys(properties)
      throw new InvalidInputError(`"${name}" is not a field of this request: it takes ${known.length ? known.join(', ') : 'none'}. ${SEE}`)
    }
    const wanted = declared.type === 'boolean' ? 'boolean' : 'string'
    if (typeof value !== wanted) throw new InvalidInputError(`"${name}" must be a JSON ${wanted}, not ${JSON.stringify(value)}.`)
    fields[name] = value as string | boolean
  }
  return fields
}
