// Lines of a byte stream (UTF-8; "\n" or "\r\n"), read as they arrive: the feed never holds more
// than a chunk and the line it is in. `maxBytes` bounds what the stream may send.
import { StringDecoder } from "node:string_decoder";

export class InputTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`the input is larger than ${maxBytes} bytes`);
  }
}

export async function* linesOf(chunks: AsyncIterable<Buffer | string>, maxBytes = Number.POSITIVE_INFINITY): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  let total = 0;
  for await (const chunk of chunks) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    total += bytes.length;
    if (total > maxBytes) throw new InputTooLargeError(maxBytes);
    rest += decoder.write(bytes);
    let start = 0;
    let end: number;
    while ((end = rest.indexOf("\n", start)) >= 0) {
      yield rest.slice(start, end > start && rest[end - 1] === "\r" ? end - 1 : end);
      start = end + 1;
    }
    rest = rest.slice(start);
  }
  rest += decoder.end();
  if (rest.length > 0) yield rest.replace(/\r$/, "");
}
