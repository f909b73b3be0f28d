// The report's stylesheet, inlined into the page (the file must open from disk with no server and
// make no request): system fonts only, the lane and message colours the legends explain.

export const REPORT_CSS = `
:root { color-scheme: light; --up: #9ad5a6; --down: #d9534f; --paused: #f0ad4e; --cut: #7e57c2; --flag: #e0a800;
  --fault: #333; --revert: #888; --fail: #c62828; --pass: #2e7d32; --delivered: #2b6cb0; --lost: #c62828;
  --unreachable: #7e57c2; --refused: #dd6b20; --dropped: #616161; --duplicated: #2e7d32; --held: #f0ad4e; --in-flight: #9e9e9e; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; padding: 16px 24px 48px; color: #1a1a1a; background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 3px; }
h3 { font-size: 14px; margin: 14px 0 4px; }
code, pre, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12.5px; }
pre { background: #f6f6f6; padding: 8px 10px; overflow-x: auto; margin: 4px 0; }
.verdict { font-weight: 700; padding: 1px 8px; border-radius: 3px; color: #fff; }
.verdict.pass { background: var(--pass); } .verdict.fail { background: var(--fail); }
.facts { display: flex; flex-wrap: wrap; gap: 4px 22px; color: #444; margin: 6px 0; }
.facts b { font-weight: 600; color: #777; margin-right: 4px; }
.warning { background: #fff3cd; border: 1px solid #f0ad4e; padding: 6px 10px; }
table { border-collapse: collapse; margin: 4px 0 8px; }
th, td { border-bottom: 1px solid #e4e4e4; padding: 3px 10px 3px 0; text-align: left; vertical-align: top; }
th { font-weight: 600; color: #555; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
td.ok { color: var(--pass); font-weight: 600; } td.bad { color: var(--fail); font-weight: 600; }
.metric-groups { display: flex; flex-wrap: wrap; gap: 4px 36px; }
.scroll { overflow-x: auto; }
svg { display: block; font-size: 11px; }
svg text { fill: #333; }
.lane-name, .flag-name, .row-name { text-anchor: end; }
.flag-name { font-size: 9px; fill: #777; }
.grid { stroke: #eee; }
.tick { text-anchor: middle; fill: #666; }
rect.state.up { fill: var(--up); } rect.state.down { fill: var(--down); }
rect.state.paused { fill: var(--paused); } rect.state.cut { fill: var(--cut); }
rect.flag-on { fill: var(--flag); }
.fault line { stroke: var(--fault); stroke-dasharray: 3 2; } .fault text { text-anchor: middle; font-weight: 700; fill: var(--fault); }
.fault.revert line { stroke: var(--revert); } .fault.revert text { fill: var(--revert); }
.failure-bar { fill: var(--fail); } .baseline { stroke: #ccc; }
.violation { fill: var(--fail); font-weight: 700; text-anchor: middle; font-size: 14px; }
.legend { display: flex; flex-wrap: wrap; gap: 2px 16px; color: #444; font-size: 12.5px; margin: 6px 0; }
.swatch { display: inline-block; width: 14px; height: 10px; margin-right: 4px; vertical-align: baseline; }
.swatch.up { background: var(--up); } .swatch.down { background: var(--down); } .swatch.paused { background: var(--paused); }
.swatch.cut { background: var(--cut); } .swatch.flag { background: var(--flag); height: 5px; } .swatch.failure { background: var(--fail); }
.swatch.line { height: 3px; } .swatch.delivered { background: var(--delivered); } .swatch.lost { background: var(--lost); }
.swatch.unreachable { background: var(--unreachable); } .swatch.refused { background: var(--refused); }
.swatch.dropped { background: var(--dropped); } .swatch.duplicated { background: var(--duplicated); }
.swatch.held { background: var(--held); } .swatch.in-flight { background: var(--in-flight); }
.node-line { stroke: #bbb; }
.window-tail { fill: #f4f4f4; }
.msg { cursor: pointer; }
.msg .leg { fill: none; stroke-width: 1.2; }
.leg.deliver { stroke: var(--delivered); } .head.deliver { fill: var(--delivered); }
.leg.lost { stroke: var(--lost); stroke-dasharray: 4 2; }
.leg.unreachable { stroke: var(--unreachable); stroke-dasharray: 1.5 2.5; }
.leg.refused { stroke: var(--refused); }
.leg.dropped { stroke: var(--dropped); stroke-dasharray: 6 3; }
.leg.in-flight { stroke: var(--in-flight); stroke-dasharray: 2 4; }
.leg.duplicate { stroke: var(--duplicated); } .head.duplicate { fill: var(--duplicated); }
.leg.retransmission { stroke-dasharray: 5 2 1 2; }
.leg.held { stroke: var(--held); }
.leg.hold { stroke: var(--held); stroke-width: 4; opacity: 0.7; }
.msg .end { fill: none; stroke-width: 1.6; }
.end.lost { stroke: var(--lost); } .end.unreachable { stroke: var(--unreachable); }
.end.refused { stroke: var(--refused); } .end.dropped { stroke: var(--dropped); }
.msg:hover .leg, .msg.selected .leg { stroke-width: 3; }
.msg .hit { fill: none; stroke: transparent; stroke-width: 8; }
[data-detail] { cursor: pointer; }
#detail { position: fixed; right: 16px; bottom: 16px; width: min(560px, 90vw); max-height: 45vh; overflow: auto; background: #fff;
  border: 1px solid #bbb; box-shadow: 0 2px 10px rgba(0,0,0,.15); padding: 8px 12px; display: none; }
#detail.open { display: block; }
#detail button { float: right; }
#detail pre { white-space: pre-wrap; word-break: break-all; }
.heatmap .cell { stroke: #fff; stroke-width: 2; }
.heatmap .cell-text { text-anchor: middle; font-size: 11px; }
.heatmap .axis-label { text-anchor: middle; fill: #555; }
.heatmap .row-label { text-anchor: end; fill: #555; }
.note { color: #666; font-size: 12.5px; }
nav a { margin-right: 14px; }
`;
