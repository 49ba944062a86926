// Compiles and renders D2 texts with D2's own WASM build (@terrastruct/d2), all in this one Node process.
// Reads a JSON array of texts on standard input; writes a JSON array with, per text, the error (or null),
// the shapes' ids and labels, the connections' labels and whether an SVG came out.
import { D2 } from '@terrastruct/d2';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const texts = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const d2 = new D2();
const results = [];
for (const text of texts) {
  try {
    const compiled = await d2.compile(text);
    const svg = await d2.render(compiled.diagram, compiled.renderOptions);
    results.push({
      error: null,
      shapes: compiled.diagram.shapes.map(shape => [shape.id, shape.label, shape.type]),
      connections: compiled.diagram.connections.map(connection => [connection.src, connection.dst, connection.label]),
      svg: svg.startsWith('<?xml') || svg.startsWith('<svg'),
    });
  } catch (error) {
    results.push({error: JSON.stringify((error && error.message) || String(error)).slice(0, 2000)});
  }
}
process.stdout.write(JSON.stringify(results));
process.exit(0);  // the WASM workers would keep Node alive
