/**
 * `node:string_decoder`'s `StringDecoder` for UTF-8, as the xlsx reader's sheet parser uses it
 * (`write` chunks split anywhere, even inside a character, then `end`), on the browser's
 * `TextDecoder`. Invalid bytes become U+FFFD, as in Node. webpack puts this module in place of
 * `node:string_decoder` for the analysis worker (webpack.config.js).
 */
export class StringDecoder {
  private readonly decoder: TextDecoder;

  constructor(encoding = 'utf8') {
    if (!/^utf-?8$/i.test(encoding)) throw new Error(`StringDecoder: only UTF-8, not ${encoding}`);
    this.decoder = new TextDecoder('utf-8');
  }

  write(chunk: Uint8Array): string {
    return this.decoder.decode(chunk, { stream: true });
  }

  end(chunk?: Uint8Array): string {
    return (chunk ? this.decoder.decode(chunk, { stream: true }) : '') + this.decoder.decode();
  }
}
