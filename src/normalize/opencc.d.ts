// opencc-js exports its dictionaries through a `./*` wildcard with no type declarations.
declare module 'opencc-js/dict/TSCharacters' {
  /** `"萬 万|與 与|…"`: entries separated by `|`, key and value by a space. */
  const dict: string;
  export default dict;
}

// The other dictionaries, and the locale groups (a list of dictionary lists), the same way.
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
declare module 'opencc-js/from/*' {
  const group: readonly (readonly string[])[];
  export default group;
}
declare module 'opencc-js/to/*' {
  const group: readonly (readonly string[])[];
  export default group;
}
