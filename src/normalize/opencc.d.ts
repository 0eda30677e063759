// opencc-js exports its dictionaries through a `./*` wildcard with no type declarations.
declare module 'opencc-js/dict/TSCharacters' {
  /** `"萬 万|與 与|…"`: entries separated by `|`, key and value by a space. */
  const dict: string;
  export default dict;
}
