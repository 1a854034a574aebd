/**
 * The part of `multipart/form-data` (RFC 7578) that kubo's `add` endpoint needs: the first
 * file part of a buffered body, with its file name.
 */

/** One file part of a multipart body. */
export interface MultipartFile {
  /** The `filename` (or `name`) parameter of Content-Disposition, or "" when absent. */
  name: string;
  data: Buffer;
}

/**
 * Returns the first part of a `multipart/form-data` body.
 * @throws RangeError when the content type has no boundary or the body is malformed.
 */
export function parseMultipartFile(body: Buffer, contentType: string | undefined): MultipartFile {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');

  if (!/^multipart\/form-data/i.test(contentType ?? '') || boundary === null) {
    throw new RangeError('expected a multipart/form-data body with a boundary');
  }

  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const start = body.indexOf(delimiter);

  if (start < 0) throw new RangeError('multipart body has no boundary line');

  const headersStart = body.indexOf('\r\n', start + delimiter.length) + 2;
  const headersEnd = body.indexOf('\r\n\r\n', headersStart);

  if (headersStart < 2 || headersEnd < 0) throw new RangeError('multipart part has no headers');

  const headers = body.subarray(headersStart, headersEnd).toString('utf8');
  const dataStart = headersEnd + 4;
  const dataEnd = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), dataStart);

  if (dataEnd < 0) throw new RangeError('multipart part is not terminated by a boundary');

  const disposition = /^content-disposition:(.*)$/im.exec(headers)?.[1] ?? '';
  const name =
    /filename="([^"]*)"/i.exec(disposition)?.[1] ?? /name="([^"]*)"/i.exec(disposition)?.[1];

  return { name: decodeName(name ?? ''), data: body.subarray(dataStart, dataEnd) };
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
