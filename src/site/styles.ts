/**
 * The page's styles, inline (the Content-Security-Policy allows exactly this text by its hash).
 * Colours meet WCAG AA contrast on white; "no recall on file" is grey, never green: it is not a
 * clearance. Until the script has run (and drawn a check opened from a link), what follows the form
 * is invisible: a browser may paint before the script runs, and the verdict would push it down.
 */
export const SITE_STYLES = `
:root{color-scheme:light;--fg:#1a1a1a;--muted:#555;--line:#c8c8c8;--red:#a4001d;--amber:#8a4b00;--green:#1f6b2d;--focus:#0b57d0}
*{box-sizing:border-box}
html{scrollbar-gutter:stable}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:var(--fg);background:#fff}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.3rem;margin:1.5rem 0 .5rem}h3{font-size:1.1rem;margin:1rem 0 .4rem}h4{font-size:1rem;margin:.8rem 0 .3rem}
a{color:#0645ad;overflow-wrap:anywhere}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.muted{color:var(--muted)}
.trust{border:1px solid var(--line);border-radius:6px;padding:.5rem .8rem;font-size:.95rem}
.stale{border-left:5px solid var(--amber);background:#fff4e0;padding:.5rem .8rem;margin:.5rem 0}
form.check{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:.75rem;align-items:end}
label{display:block;font-weight:600;margin-bottom:.2rem}
.hint{display:block;font-weight:400;color:var(--muted);font-size:.9rem}
input[type=text]{width:100%;font:inherit;padding:.5rem;border:1px solid #767676;border-radius:4px;text-transform:none}
button,.button{font:inherit;padding:.55rem 1.1rem;border-radius:4px;border:1px solid #0b3d91;background:#0b3d91;color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
.read-as{min-height:1.5em;margin:.4rem 0 0;color:var(--muted)}
#result{min-height:4rem}
html:not(.ready) #result,html:not(.ready) #share,html:not(.ready) #file-section,html:not(.ready) footer{visibility:hidden}
.verdict{font-weight:700;font-size:1.15rem;border:2px solid var(--line);border-left-width:10px;border-radius:6px;padding:.6rem .9rem;margin:.5rem 0}
.verdict-affected{border-color:var(--red);color:var(--red);background:#fdecee}
.verdict-verify{border-color:var(--amber);color:var(--amber);background:#fff4e0}
.verdict-not-affected{border-color:var(--green);color:var(--green)}
.verdict-no-recall{border-color:#555;color:var(--fg);background:#f2f2f2}
.status-affected{color:var(--red);font-weight:700}.status-verify{color:var(--amber);font-weight:700}.status-not-affected{color:var(--green);font-weight:700}
dl.fields{display:grid;grid-template-columns:9rem 1fr;gap:.2rem .8rem;margin:.4rem 0}
dl.fields dt{font-weight:600;color:var(--muted)}dl.fields dd{margin:0}
dl.fields dt.product{grid-column:1/-1;color:var(--fg);margin-top:.4rem}
.recall{border:1px solid var(--line);border-radius:6px;padding:.3rem 1rem .8rem;margin:1rem 0}
ul.steps{list-style:none;padding-left:.5rem;margin:.3rem 0}
ul.steps li{margin:.2rem 0;padding-left:1.8rem;text-indent:-1.8rem}
ul.steps li.sub{margin-left:1.8rem}
.marker{display:inline-block;width:1.8rem;text-indent:0}
.never{font-weight:600}
.drop{border:2px dashed #767676;border-radius:8px;padding:1rem;margin:.5rem 0}
.drop.over{border-color:var(--focus);background:#eef3fd}
progress{width:100%;height:1.2rem}
.counts{display:flex;flex-wrap:wrap;gap:.6rem;padding:0;list-style:none}
.counts li{border:1px solid var(--line);border-radius:6px;padding:.3rem .8rem;min-width:7rem}
.counts b{display:block;font-size:1.4rem}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
.error{color:var(--red);font-weight:600}
@media (max-width:40rem){dl.fields{grid-template-columns:1fr}dl.fields dt{margin-top:.3rem}main{padding:.6rem}}
.print-only{display:none}
@media print{
  body{font-size:11pt}
  /* A claim sheet: the verdict, the unit, what to do and what the claim needs, and when and with
     which data it was checked; not the form, the facts and sources behind the verdict, or the
     lists of recalls that do not apply. */
  .no-print,form.check,#file-section,.trust,footer,header h1,#check-heading,#model-read,.recall dl.facts,.sources-heading,ul.sources,.recall-list{display:none!important}
  .print-only{display:block!important}
  ul.steps li.sub .marker{display:none}
  #result{min-height:0}
  .verdict{border-width:2px;background:none!important}
  .recall{border:none;padding:0;break-inside:avoid-page}
  ul.steps li.sub::before{content:"\\2610  "}
  a{color:inherit;text-decoration:none}
  a[href^="http"]::after{content:""}
}
`;
