import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { ApiProblem } from './api';

interface UploadForPreview {
  /** The API's limit for this kind of file, checked here first to spare a useless transfer. */
  maxBytes: number;
  tooLarge: string;
  missing: string;
  /** Sends the file to the API, which answers with the preview's id. */
  send: (file: { name: string; data: Uint8Array }) => Promise<{ id: string }>;
  /** Where the preview is shown. */
  previewPath: (id: string) => string;
}

/**
 * The form action shared by the file imports (DECP, monthly statements): read the chosen file,
 * refuse an empty or oversized one with a French message, send it for preview, open the preview.
 */
export async function uploadForPreview(event: RequestEvent, options: UploadForPreview) {
  let data: FormData;
  try {
    data = await event.request.formData();
  } catch {
    // The web server's body limit (BODY_SIZE_LIMIT) stops larger uploads before they are read.
    return fail(413, { message: options.tooLarge });
  }
  const file = data.get('file');
  if (!(file instanceof File) || file.size === 0) return fail(400, { message: options.missing });
  if (file.size > options.maxBytes) return fail(413, { message: options.tooLarge });
  let id: string;
  try {
    ({ id } = await options.send({ name: file.name.slice(0, 200), data: new Uint8Array(await file.arrayBuffer()) }));
  } catch (e) {
    if (e instanceof ApiProblem) return fail(e.problem.status, { message: e.problem.detail ?? e.problem.title });
    throw e;
  }
  redirect(303, options.previewPath(id));
}
