import client from "prom-client";

// Prometheus metrics (prom-client), served at /api/metrics. One registry per process, kept on
// globalThis: scripts/server.mjs and the bundled app share it. Labels are bounded: route
// templates, kinds, outcomes; never a user, organisation or conversation id.

function create() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry }); // memory, CPU, event-loop lag, handles
  const counter = (name: string, help: string, labelNames: string[] = []) =>
    new client.Counter({ name: `shiftline_${name}`, help, labelNames, registers: [registry] });
  return {
    registry,
    http: new client.Histogram({
      name: "shiftline_http_request_duration_seconds",
      help: "HTTP requests by route template, method and status",
      labelNames: ["route", "method", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    messagesSent: counter("messages_sent_total", "Messages stored, by conversation kind", ["kind"]),
    eventsAppended: counter("events_appended_total", "Events appended to the log, by type", ["type"]),
    streams: new client.Gauge({
      name: "shiftline_event_streams_open",
      help: "Open event streams, by kind of reader",
      labelNames: ["kind"],
      registers: [registry],
    }),
    jobs: counter("jobs_total", "Job tries, by kind and outcome (done, failed, retried, given_up)", [
      "kind",
      "outcome",
    ]),
    sms: counter("sms_total", "SMS, by outcome", ["outcome"]),
    emails: counter("emails_total", "E-mails, by outcome", ["outcome"]),
    pushes: counter("pushes_total", "Pushes to devices, by outcome", ["outcome"]),
    uploads: counter("uploads_total", "Uploaded files, by outcome (kept, refused)", ["outcome"]),
    uploadBytes: counter("upload_bytes_total", "Bytes of uploaded files kept"),
    dbErrors: counter("db_errors_total", "Database errors, by kind (unavailable, storage, other)", ["kind"]),
  };
}

type Metrics = ReturnType<typeof create>;
const g = globalThis as unknown as { shiftlineMetrics?: Metrics };

/** This process's metrics. */
export const metrics: Metrics = (g.shiftlineMetrics ??= create());
