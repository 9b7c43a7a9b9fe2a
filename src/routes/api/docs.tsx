/** @jsxImportSource hono/jsx */
// GET /api/v1/docs: the OpenAPI document rendered as a readable reference page, server-side, no CDN.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/app-env";

type Op = {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: {
    name: string;
    in: string;
    required?: boolean;
    schema?: unknown;
    description?: string;
  }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<
    string,
    { description?: string; content?: Record<string, { schema?: unknown }> }
  >;
};
type Doc = {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, Op>>;
  components?: { schemas?: Record<string, unknown> };
};

const METHODS = ["get", "post", "put", "patch", "delete"];
const anchor = (s: string) => s.replace(/[^A-Za-z0-9]+/g, "-");

/** A schema as compact JSON; $refs become links to the schema section below. */
function SchemaView({ schema }: { schema: unknown }) {
  const json = JSON.stringify(schema, null, 2) ?? "";
  const parts = json.split(/("\$ref": "#\/components\/schemas\/[^"]+")/);
  return (
    <pre>
      {parts.map((p) => {
        const m = /#\/components\/schemas\/([^"]+)"/.exec(p);
        return m ? <a href={`#schema-${anchor(m[1]!)}`}>{p}</a> : p;
      })}
    </pre>
  );
}

function Page({ doc }: { doc: Doc }) {
  const ops = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ path, method: m, op: item[m]! })),
  );
  const tags = [...new Set(ops.map((o) => o.op.tags?.[0] ?? "Other"))];
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{doc.info.title} reference</title>
        <style>{`body{font:15px/1.5 system-ui,sans-serif;max-width:1000px;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h2{border-bottom:1px solid #ddd;padding-bottom:.3rem;margin-top:2.5rem}section.op{border:1px solid #e3e3e3;border-radius:6px;padding:.8rem 1rem;margin:1rem 0}
.m{display:inline-block;min-width:4.5rem;font-weight:700;text-transform:uppercase}.get{color:#0a6}.post{color:#06c}.patch{color:#a60}.delete{color:#c22}
code,pre{font:13px ui-monospace,monospace}pre{background:#f6f6f6;padding:.6rem;overflow:auto;max-height:22rem}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left}
nav a{margin-right:1rem}.auth{font-size:12px;color:#666}`}</style>
      </head>
      <body>
        <h1>
          {doc.info.title} <small>v{doc.info.version}</small>
        </h1>
        <p>{doc.info.description}</p>
        <p>
          Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).
          Authenticate with <code>Authorization: Bearer &lt;token&gt;</code>. Errors are{" "}
          <code>{`{"error":{"code","message","details"}}`}</code>.
        </p>
        <nav>
          {tags.map((t) => (
            <a href={`#tag-${anchor(t)}`}>{t}</a>
          ))}
          <a href="#schemas">Schemas</a>
        </nav>
        {tags.map((tag) => (
          <>
            <h2 id={`tag-${anchor(tag)}`}>{tag}</h2>
            {ops
              .filter((o) => (o.op.tags?.[0] ?? "Other") === tag)
              .map(({ path, method, op }) => (
                <section class="op" id={anchor(`${method}-${path}`)}>
                  <div>
                    <span class={`m ${method}`}>{method}</span> <code>{path}</code>{" "}
                    {op.security?.length ? <span class="auth">bearer token</span> : null}
                  </div>
                  <p>
                    <strong>{op.summary}</strong>
                    {op.description ? <> — {op.description}</> : null}
                  </p>
                  {op.parameters?.length ? (
                    <table>
                      <tr>
                        <th>parameter</th>
                        <th>in</th>
                        <th>required</th>
                        <th>schema</th>
                      </tr>
                      {op.parameters.map((p) => (
                        <tr>
                          <td>
                            <code>{p.name}</code>
                          </td>
                          <td>{p.in}</td>
                          <td>{p.required ? "yes" : "no"}</td>
                          <td>
                            <code>{JSON.stringify(p.schema)}</code>
                            {p.description ? <div>{p.description}</div> : null}
                          </td>
                        </tr>
                      ))}
                    </table>
                  ) : null}
                  {op.requestBody?.content?.["application/json"]?.schema ? (
                    <>
                      <p>Request body (JSON):</p>
                      <SchemaView schema={op.requestBody.content["application/json"].schema} />
                    </>
                  ) : null}
                  <p>Responses:</p>
                  <ul>
                    {Object.entries(op.responses ?? {}).map(([code, r]) => (
                      <li>
                        <code>{code}</code> {r.description}
                        {code.startsWith("2") && r.content?.["application/json"]?.schema ? (
                          <SchemaView schema={r.content["application/json"].schema} />
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
          </>
        ))}
        <h2 id="schemas">Schemas</h2>
        {Object.entries(doc.components?.schemas ?? {}).map(([name, schema]) => (
          <section id={`schema-${anchor(name)}`}>
            <h3>{name}</h3>
            <SchemaView schema={schema} />
          </section>
        ))}
      </body>
    </html>
  );
}

export function registerDocsPage(app: OpenAPIHono<AppEnv>, info: Doc["info"]) {
  app.get("/api/v1/docs", (c) => {
    const doc = app.getOpenAPI31Document({ openapi: "3.1.0", info }) as unknown as Doc;
    return c.html(<Page doc={doc} />);
  });
}
