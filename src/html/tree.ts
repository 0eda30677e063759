import { Parser } from 'htmlparser2';

/** A piece of a page's text as the markup has it: its characters, decoded, and where they are. */
export interface TextNode {
  kind: 'text';
  /** Decoded: `&nbsp;` is U+00A0, `&amp;` is `&`. */
  text: string;
  /** Offsets of the markup the text comes from: `&amp;` spans five characters for one. */
  start: number;
  end: number;
}

/** An element, with its attributes as given (names in lower case) and what it holds. */
export interface ElementNode {
  kind: 'element';
  name: string;
  attributes: Readonly<Record<string, string>>;
  children: PageNode[];
  /** Offsets of its start tag's `<`, and of the end of its end tag (or of the last thing in it). */
  start: number;
  end: number;
}

export type PageNode = TextNode | ElementNode;

/**
 * Parses a page into a tree of elements and text. htmlparser2 reads the markup (tags, attributes,
 * entities, comments, `<script>` and `<style>` as text, the end tags HTML lets a page leave out);
 * this keeps what the reader needs of it: names, attributes, text and offsets. Each piece of text
 * htmlparser2 reports is a node of its own, so an entity (`&nbsp;`) is one node whose decoded text
 * and markup differ in length, and every other node's text is its markup character for character.
 */
export function parsePage(html: string): ElementNode {
  const root: ElementNode = { kind: 'element', name: '#document', attributes: {}, children: [], start: 0, end: html.length };
  const open: ElementNode[] = [root];
  const current = () => open[open.length - 1] as ElementNode;
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        const element: ElementNode = { kind: 'element', name, attributes, children: [], start: parser.startIndex, end: parser.endIndex + 1 };
        current().children.push(element);
        open.push(element);
      },
      ontext(text) {
        current().children.push({ kind: 'text', text, start: parser.startIndex, end: parser.endIndex + 1 });
      },
      onclosetag() {
        const element = open.pop() as ElementNode;
        // An end tag left out ends where the next tag starts: the end index is then that tag's.
        element.end = Math.max(element.end, parser.endIndex + 1);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.end(html);
  return root;
}
