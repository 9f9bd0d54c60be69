// Reads a calendar file with ical.js (Mozilla's iCalendar library, from the
// npm registry; nobody here wrote it) and prints what a calendar app would
// take from it, as JSON: the zones it defines and each event with its
// occurrences from FROM to TO (local wall-clock time and the UTC instant).
//   node tests/ics/read.mjs FILE FROM TO      (FROM, TO: YYYY-MM-DD)
import { readFileSync } from 'node:fs';
import ICAL from '../../ui/node_modules/ical.js/dist/ical.js';

const [file, from, to] = process.argv.slice(2);
const root = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
const zones = root.getAllSubcomponents('vtimezone').map((vtz) => {
  const zone = new ICAL.Timezone(vtz);
  ICAL.TimezoneService.register(zone);
  return zone.tzid;
});
const until = ICAL.Time.fromDateString(to);
const start = ICAL.Time.fromDateString(from);
const events = root.getAllSubcomponents('vevent').map((vevent) => {
  const event = new ICAL.Event(vevent);
  const occurrences = [];
  const it = event.iterator();
  for (let next = it.next(); next && next.compare(until) <= 0; next = it.next()) {
    if (next.compare(start) < 0) continue;
    occurrences.push({
      local: next.toString(),
      utc: next.isDate ? null : next.toJSDate().toISOString(),
    });
    if (occurrences.length > 400) break;
  }
  return {
    uid: event.uid,
    summary: event.summary,
    zone: event.startDate.isDate ? null : event.startDate.zone?.tzid ?? null,
    allDay: event.startDate.isDate,
    minutes: event.duration ? event.duration.toSeconds() / 60 : null,
    rrule: vevent.getFirstPropertyValue('rrule')?.toString() ?? null,
    occurrences,
  };
});
process.stdout.write(JSON.stringify({ zones, events }));
