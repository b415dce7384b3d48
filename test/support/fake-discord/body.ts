import type { IncomingMessage } from 'node:http';

/** A file the bot uploaded in a multipart request (`files[n]`). */
export interface ReceivedFile {
  /** The form field, e.g. "files[0]". */
  field: string;
  /** The index n of `files[n]`, which `attachments[].id` refers to. */
  index: number;
  name: string;
  contentType: string;
  bytes: Buffer;
}

export interface RequestBody {
  /** The JSON body, or `payload_json` of a multipart body; undefined when there is none. */
  json: unknown;
  files: ReceivedFile[];
}

export class BodyError extends Error {}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Reads a JSON or multipart/form-data body. Multipart is parsed by the platform's own
 * fetch implementation (Response#formData), which follows RFC 7578.
 */
export async function readRequestBody(req: IncomingMessage): Promise<RequestBody> {
  const raw = await readAll(req);
  const contentType = req.headers['content-type'] ?? '';
  if (raw.length === 0) return { json: undefined, files: [] };
  if (contentType.startsWith('multipart/form-data')) return parseMultipart(raw, contentType);
  try {
    return { json: JSON.parse(raw.toString('utf8')), files: [] };
  } catch {
    throw new BodyError('The request body is not valid JSON.');
  }
}

async function parseMultipart(raw: Buffer, contentType: string): Promise<RequestBody> {
  let form: FormData;
  try {
    form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new BodyError('The multipart body could not be parsed.');
  }
  let json: unknown;
  const files: ReceivedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (field === 'payload_json' && typeof value === 'string') {
      try {
        json = JSON.parse(value);
      } catch {
        throw new BodyError('payload_json is not valid JSON.');
      }
      continue;
    }
    if (typeof value === 'string') continue;
    const index = /^files\[(\d+)\]$/.exec(field)?.[1];
    if (index === undefined) throw new BodyError(`Unexpected multipart field ${field}.`);
    files.push({
      field,
      index: Number(index),
      name: value.name,
      contentType: value.type,
      bytes: Buffer.from(await value.arrayBuffer()),
    });
  }
  return { json, files };
}
