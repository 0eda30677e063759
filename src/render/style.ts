import { FONTS, PALETTE as C } from './page';

/**
 * The style of the visual report and the index page. Severity shows as a fill, a border whose
 * style differs (error solid, warning dashed, info dotted) and a sign before the value (`data-mark`
 * drawn by `::before`), never by colour alone. A focused cell shows its findings (its `title`) in a
 * tooltip, so the keyboard reaches what the mouse does. The source panel shows the excerpt the
 * address names (`:target`): no script is needed, and none is allowed.
 */
export const REPORT_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{color-scheme:light}
body{margin:0;font:15px/1.6 ${FONTS};color:${C.text};background:${C.background}}
a{color:${C.link}}
a:focus-visible,[tabindex]:focus-visible,summary:focus-visible{outline:3px solid ${C.link};outline-offset:2px}
td[tabindex]:focus-visible,th[tabindex]:focus-visible{outline-offset:-4px}
[data-mark]:target{outline:3px dashed ${C.link};outline-offset:-4px}
.skip{position:absolute;left:-9999px;top:0}
.skip:focus{left:1rem;top:.5rem;z-index:20;background:${C.background};padding:.25rem .5rem}
header.top{padding:1rem 1.5rem .75rem;border-bottom:1px solid ${C.rule}}
header.top h1{font-size:1.3rem;line-height:1.4;margin:0}
header.top p{margin:.25rem 0 0;color:${C.muted}}
main{padding:.5rem 1.5rem 2rem}
main h2{font-size:1.2rem;margin:1.25rem 0 .5rem}
main h3{font-size:1.05rem;margin:1.25rem 0 .4rem}
main p{margin:.25rem 0}
details.text{margin:.25rem 0 .5rem;color:${C.muted}}
details.text summary{cursor:pointer;width:max-content}
details.text[open]{color:${C.text}}
.table-wrap{max-width:100%;margin:.5rem 0 1rem}
table{border-collapse:collapse;font-size:14px;line-height:1.45}
th,td{border:1px solid ${C.rule};padding:.2rem .4rem;vertical-align:middle}
th{background:${C.headerCell};font-weight:600;text-align:left}
td{text-align:right;font-variant-numeric:tabular-nums;min-width:2.6em;white-space:nowrap}
td,th.hl{position:relative}
.hl.sev-error{background:${C.errorFill};border:2px solid ${C.error}}
.hl.sev-warning{background:${C.warningFill};border:2px dashed ${C.warning}}
.hl.sev-info{background:${C.infoFill};border:2px dotted ${C.info}}
.o-inferred,.o-split{background:${C.originFill};font-style:italic}
[data-mark]::before{content:attr(data-mark);display:inline-block;margin-right:.35em;padding:0 .3em;border-radius:3px;font:700 11px/1.5 ${FONTS};font-style:normal;vertical-align:1px;color:#fff;background:${C.origin}}
.sev-error[data-mark]::before{background:${C.error}}
.sev-warning[data-mark]::before{background:${C.warning}}
.sev-info[data-mark]::before{background:${C.info}}
td[title]:focus::after,th[title]:focus::after{content:attr(title);position:absolute;left:0;top:calc(100% + 4px);z-index:10;width:max-content;max-width:min(26rem,80vw);white-space:pre-line;text-align:left;font:400 13px/1.5 ${FONTS};color:#fff;background:${C.tooltip};padding:.4rem .6rem;border-radius:4px}
.legend{margin:.75rem 0 1rem;padding:.5rem .75rem;border:1px solid ${C.rule};border-radius:4px}
.legend h2{font-size:1rem;margin:0 0 .25rem}
.legend ul,.findings{padding:0;margin:.25rem 0;list-style:none}
.legend ul{display:flex;flex-wrap:wrap;gap:.2rem 1.5rem}
.legend li{margin:0}
.legend p{margin:.25rem 0 0}
.swatch{display:inline-block;min-width:4.5em;padding:.05rem .4rem;margin-right:.5rem;border:1px solid ${C.rule};text-align:right;font-variant-numeric:tabular-nums}
.note{color:${C.muted};font-size:14px}
.findings li{margin:.4rem 0;padding:.4rem .6rem;border-left:4px solid ${C.rule};background:${C.background}}
.findings li.sev-error{border-left:4px solid ${C.error}}
.findings li.sev-warning{border-left:4px dashed ${C.warning}}
.findings li.sev-info{border-left:4px dotted ${C.info}}
.badge{display:inline-block;padding:0 .4em;border-radius:3px;color:#fff;font-weight:700;font-size:13px;margin-right:.4em}
.badge.sev-error{background:${C.error}}
.badge.sev-warning{background:${C.warning}}
.badge.sev-info{background:${C.info}}
.findings code,.excerpt code{font-size:13px;color:${C.muted}}
.findings .message{display:block;overflow-wrap:anywhere}
.findings .links{display:block;font-size:14px;color:${C.muted}}
.findings .links>*+*::before{content:" · ";color:${C.muted}}
.unassigned h4{font-size:14px;margin:.5rem 0 .25rem}
.unassigned td{text-align:left}
aside.source{background:${C.panel};padding:1rem 1.25rem;border-top:1px solid ${C.rule}}
aside.source h2{font-size:1.1rem;margin:0 0 .5rem}
aside.source .hint{color:${C.muted}}
aside.source:has(.excerpt:target) .hint{display:none}
.excerpt{display:none}
.excerpt:target{display:block}
.excerpt h3{font-size:1rem;margin:0 0 .25rem}
.excerpt ul{padding-left:1.1rem;margin:.25rem 0 .5rem;font-size:14px}
.excerpt pre{margin:0;padding:.5rem 0;background:${C.background};border:1px solid ${C.rule};font:13px/1.6 ${FONTS};white-space:pre-wrap;overflow-wrap:anywhere;tab-size:4}
.ln{display:block;padding:0 .5rem 0 3.6rem;text-indent:-3.1rem}
.ln::before{content:attr(data-line);display:inline-block;width:2.6rem;margin-right:.5rem;text-indent:0;text-align:right;color:${C.muted};user-select:none}
.ln.current{background:${C.panel}}
mark{background:${C.mark};color:${C.text};outline:1px solid ${C.warning}}
mark:empty{display:inline-block;width:.5em;height:1.1em;vertical-align:-.2em}
table.index td{text-align:right}
table.index td.path,table.index td.agency{text-align:left;white-space:normal}
@media (min-width:1100px){
main.with-panel{margin-right:min(34rem,38vw)}
aside.source{position:fixed;top:0;right:0;bottom:0;width:min(34rem,38vw);overflow:auto;border-top:0;border-left:1px solid ${C.rule};z-index:1}
}
@media (max-width:1099px){.table-wrap{overflow-x:auto}}
@media print{aside.source{display:none}main.with-panel{margin:0}}
`.trim();
