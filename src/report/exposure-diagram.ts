import { INTERNET_ID, type ApiExposure, type ExposureNode, type ExposureNodeKind } from './exposure-model';

/**
 * Mermaid and Graphviz DOT renderings of {@link ApiExposure}: the job summary, Markdown reports and
 * `gatewarden graph` all draw with these. Nodes with findings are marked (red, and the policy ids in the label).
 * Several APIs share one drawing: a CDN, WAF or backend in front of two APIs appears once.
 */

/** Policy ids shown in a flagged node's label; the rest are counted. */
const MAX_IDS_IN_LABEL = 3;

interface Layout {
  /** Renderer id per exposure node id (`n0`, `n1`...): graph ids are long and full of quotes and colons. */
  readonly ids: Map<string, string>;
  /** Each node once, with the API whose box it belongs in (fronts and the internet belong to none). */
  readonly nodes: Array<{ readonly node: ExposureNode; readonly box: number | undefined }>;
  readonly edges: Array<{ readonly from: string; readonly to: string; readonly label?: string }>;
}

/** The API, its stages, routes and backends go in the API's box; what is in front stays outside. */
const IN_BOX: ReadonlySet<ExposureNodeKind> = new Set(['api', 'api.stage', 'api.operation', 'more-routes', 'api.backend']);

function layout(exposures: readonly ApiExposure[]): Layout {
  const ids = new Map<string, string>();
  const nodes: Layout['nodes'] = [];
  const edges: Layout['edges'] = [];
  const edgeKeys = new Set<string>();
  exposures.forEach((exposure, box) => {
    for (const node of exposure.nodes) {
      if (ids.has(node.id)) continue;
      ids.set(node.id, node.id === INTERNET_ID ? 'internet' : `n${ids.size}`);
      nodes.push({ node, box: IN_BOX.has(node.kind) ? box : undefined });
    }
    for (const e of exposure.edges) {
      const from = ids.get(e.from);
      const to = ids.get(e.to);
      const key = `${from ?? ''}>${to ?? ''}`;
      if (from === undefined || to === undefined || edgeKeys.has(key)) continue;
      edgeKeys.add(key);
      edges.push({ from, to, ...(e.label !== undefined && { label: e.label }) });
    }
  });
  return { ids, nodes, edges };
}

function labelLines(node: ExposureNode): string[] {
  const lines = node.lines.filter((l) => l !== '');
  if (node.findings.length === 0) return lines;
  const shown = node.findings.slice(0, MAX_IDS_IN_LABEL).join(', ');
  const more = node.findings.length > MAX_IDS_IN_LABEL ? ` +${node.findings.length - MAX_IDS_IN_LABEL}` : '';
  return [...lines, `⚠ ${shown}${more}`];
}

// ---------------------------------------------------------------------------------------------- Mermaid

/** A Mermaid `flowchart` (https://mermaid.js.org/syntax/flowchart.html). */
export function renderMermaid(exposures: readonly ApiExposure[]): string {
  const { ids, nodes, edges } = layout(exposures);
  const out = ['flowchart LR'];
  const declare = (node: ExposureNode, indent: string): void => {
    const id = ids.get(node.id) ?? '';
    const [open, close] = MERMAID_SHAPES[node.kind];
    out.push(`${indent}${id}${open}"${labelLines(node).map(mermaidText).join('<br/>')}"${close}`);
  };
  for (const { node } of nodes.filter((n) => n.box === undefined)) declare(node, '  ');
  exposures.forEach((exposure, box) => {
    const inside = nodes.filter((n) => n.box === box);
    if (inside.length === 0) return;
    out.push(`  subgraph api${box}["${mermaidText(`API ${exposure.api.name}`)}"]`);
    for (const { node } of inside) declare(node, '    ');
    out.push('  end');
  });
  for (const e of edges) out.push(`  ${e.from} -->${e.label !== undefined ? `|"${mermaidText(e.label)}"|` : ''} ${e.to}`);
  const flagged = nodes.filter((n) => n.node.findings.length > 0).map((n) => ids.get(n.node.id) ?? '');
  if (flagged.length > 0) {
    out.push('  classDef flagged fill:#ffe0e0,stroke:#cc0000,stroke-width:2px,color:#000');
    out.push(`  class ${flagged.join(',')} flagged`);
  }
  return `${out.join('\n')}\n`;
}

const MERMAID_SHAPES: Readonly<Record<ExposureNodeKind, readonly [string, string]>> = {
  'internet': ['((', '))'],
  'edge.cdn': ['{{', '}}'],
  'edge.waf': ['[[', ']]'],
  'api.domain': ['([', '])'],
  'api': ['[', ']'],
  'api.stage': ['[', ']'],
  'api.operation': ['[', ']'],
  'more-routes': ['[', ']'],
  'api.backend': ['[(', ')]'],
};

/**
 * Inside a quoted Mermaid label only letters, digits and a few safe marks stay as they are; everything else becomes a
 * Mermaid entity code (`#35;`), so no name can close the label, add a node or end the Markdown code fence.
 */
export function mermaidText(text: string): string {
  let out = '';
  for (const ch of text) out += /^[A-Za-z0-9 ._/:=+-]$/.test(ch) ? ch : `#${ch.codePointAt(0) ?? 63};`;
  return out;
}

// ---------------------------------------------------------------------------------------------- DOT

/** A Graphviz `digraph` (https://graphviz.org/doc/info/lang.html), one cluster per API. */
export function renderDot(exposures: readonly ApiExposure[]): string {
  const { ids, nodes, edges } = layout(exposures);
  const out = [
    'digraph gatewarden {',
    '  rankdir=LR;',
    '  node [shape=box, fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  const declare = (node: ExposureNode, indent: string): void => {
    const id = ids.get(node.id) ?? '';
    const style = node.findings.length > 0 ? ', style=filled, fillcolor="#ffe0e0", color="#cc0000", penwidth=2' : '';
    out.push(`${indent}${id} [label=${dotString(labelLines(node).join('\n'))}, shape=${DOT_SHAPES[node.kind]}${style}];`);
  };
  for (const { node } of nodes.filter((n) => n.box === undefined)) declare(node, '  ');
  exposures.forEach((exposure, box) => {
    const inside = nodes.filter((n) => n.box === box);
    if (inside.length === 0) return;
    out.push(`  subgraph cluster_api${box} {`, `    label=${dotString(`API ${exposure.api.name}`)};`);
    for (const { node } of inside) declare(node, '    ');
    out.push('  }');
  });
  for (const e of edges) out.push(`  ${e.from} -> ${e.to}${e.label !== undefined ? ` [label=${dotString(e.label)}]` : ''};`);
  out.push('}');
  return `${out.join('\n')}\n`;
}

const DOT_SHAPES: Readonly<Record<ExposureNodeKind, string>> = {
  'internet': 'ellipse',
  'edge.cdn': 'hexagon',
  'edge.waf': 'octagon',
  'api.domain': 'component',
  'api': 'box',
  'api.stage': 'box',
  'api.operation': 'box',
  'more-routes': 'note',
  'api.backend': 'cylinder',
};

/** A DOT double-quoted string: backslash and quote escaped, line breaks as `\n`, other control characters dropped. */
export function dotString(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u001f\u007f]/g, '');
  return `"${escaped}"`;
}
