import { describe, expect, it } from "vitest";
import { checkSessionTiming, countedSessions, describeCourse, neighboursOf, recallFor, type CourseSession } from "@/lib/courses/course-state";
import { courseRefOf, describeSession } from "@/lib/courses/session-position";

const settings = { minIntervalWeeks: 6, maxIntervalWeeks: 8, patchTestWaitHours: 48, patchTestValidMonths: 6 };
const session = (id: string, startIso: string, status = "confirmed"): CourseSession => ({ id, start: new Date(startIso), end: new Date(Date.parse(startIso) + 20 * 60_000), status });
const pass = { result: "pass" as const, at: new Date("2027-03-01T10:00:00Z") };

describe("describeCourse", () => {
  it("derives the status from suitability and sessions: proposed, in progress, completed, not suitable", () => {
    const base = { suitable: true, estimatedSessions: 2, patchTest: pass, settings, today: "2027-03-02" };
    expect(describeCourse({ ...base, sessions: [] }).status).toBe("proposed");
    expect(describeCourse({ ...base, sessions: [session("a", "2027-03-10T14:00:00Z")] }).status).toBe("in_progress");
    expect(describeCourse({ ...base, sessions: [session("a", "2027-03-10T14:00:00Z", "attended"), session("b", "2027-04-21T13:00:00Z", "attended")] }).status).toBe("completed");
    expect(describeCourse({ ...base, suitable: false, sessions: [] })).toMatchObject({ status: "not_suitable", nextWindow: null });
    // A cancelled or missed session does not count.
    expect(describeCourse({ ...base, sessions: [session("a", "2027-03-10T14:00:00Z", "cancelled"), session("b", "2027-03-12T14:00:00Z", "no_show")] })).toMatchObject({ status: "proposed", counted: 0, toBook: 2 });
  });

  it("puts the next window after the last counted session in London dates, across the spring clock change", () => {
    const state = describeCourse({ suitable: true, estimatedSessions: 6, patchTest: pass, settings, today: "2027-03-02", sessions: [session("a", "2027-03-10T14:00:00Z")] });
    expect(state.nextWindow).toEqual({ earliest: "2027-04-21", latest: "2027-05-05" });
    // 23:30 UTC on 30 April is 00:30 BST on 1 May: the window counts from the London date, 1 May.
    const late = describeCourse({ suitable: true, estimatedSessions: 6, patchTest: pass, settings, today: "2027-04-01", sessions: [session("a", "2027-04-30T23:30:00Z")] });
    expect(late.nextWindow).toEqual({ earliest: "2027-06-12", latest: "2027-06-26" });
    expect(describeCourse({ suitable: true, estimatedSessions: 6, patchTest: pass, settings, today: "2027-05-06", sessions: [session("a", "2027-03-10T14:00:00Z")] }).overdue).toBe(true);
    // Before the first session the window opens when the patch test is ready; without a pass there is none.
    expect(describeCourse({ suitable: true, estimatedSessions: 6, patchTest: pass, settings, today: "2027-03-01", sessions: [] }).nextWindow).toEqual({ earliest: "2027-03-03", latest: null });
    expect(describeCourse({ suitable: true, estimatedSessions: 6, patchTest: null, settings, today: "2027-03-01", sessions: [] }).nextWindow).toBeNull();
  });
});

describe("recallFor", () => {
  const attended = [session("a", "2027-03-10T14:00:00Z", "attended")];
  const state = (sessions: CourseSession[], today: string) => describeCourse({ suitable: true, estimatedSessions: 6, patchTest: pass, settings, today, sessions });
  it("is due from 14 days before the window opens, and not while a session is booked", () => {
    expect(recallFor(state(attended, "2027-04-06"), settings, "2027-04-06")).toBeNull();
    expect(recallFor(state(attended, "2027-04-07"), settings, "2027-04-07")).toEqual({ lastSessionDate: "2027-03-10", dueFrom: "2027-04-21", dueBy: "2027-05-05", overdue: false });
    expect(recallFor(state(attended, "2027-05-06"), settings, "2027-05-06")?.overdue).toBe(true);
    expect(recallFor(state([...attended, session("b", "2027-04-21T13:00:00Z")], "2027-04-07"), settings, "2027-04-07")).toBeNull();
    // A missed session after the attended one leaves the recall due from the attended one.
    expect(recallFor(state([...attended, session("b", "2027-04-21T13:00:00Z", "no_show")], "2027-04-22"), settings, "2027-04-22")?.dueFrom).toBe("2027-04-21");
  });
});

describe("checkSessionTiming", () => {
  const base = { patchTest: pass, settings, today: "2027-03-02", previous: null, next: null };
  const at = (iso: string) => ({ start: new Date(iso), end: new Date(Date.parse(iso) + 20 * 60_000) });
  it("staff: too soon by London dates unless a reason is given, never before the previous session, at most 12 months ahead", () => {
    const previous = session("a", "2027-03-10T14:00:00Z");
    expect(checkSessionTiming({ ...base, ...at("2027-04-20T16:00:00Z"), previous, audience: "staff" })?.code).toBe("too_soon");
    expect(checkSessionTiming({ ...base, ...at("2027-04-21T08:00:00Z"), previous, audience: "staff" })).toBeNull(); // 09:00 BST on the day
    expect(checkSessionTiming({ ...base, ...at("2027-04-20T16:00:00Z"), previous, audience: "staff", overrideReason: "Travelling" })).toBeNull();
    expect(checkSessionTiming({ ...base, ...at("2027-03-10T14:10:00Z"), previous, audience: "staff", overrideReason: "Travelling" })?.code).toBe("too_soon");
    expect(checkSessionTiming({ ...base, ...at("2028-03-03T10:00:00Z"), audience: "staff" })).toMatchObject({ code: "invalid_request", fieldErrors: { start: expect.stringContaining("12 months") } });
  });

  it("the patch-test gate comes first for patients and staff alike", () => {
    for (const audience of ["staff", "public"] as const) {
      expect(checkSessionTiming({ ...base, ...at("2027-03-03T09:50:00Z"), audience })?.code).toBe("patch_test_required");
      expect(checkSessionTiming({ ...base, ...at("2027-03-03T10:00:00Z"), audience })).toBeNull();
      expect(checkSessionTiming({ ...base, ...at("2027-09-01T10:00:00Z"), audience })?.code).toBe("patch_test_required");
      expect(checkSessionTiming({ ...base, patchTest: null, ...at("2027-03-03T10:00:00Z"), audience })?.code).toBe("patch_test_required");
    }
  });

  it("patients: only inside the window between the neighbours, with no override", () => {
    const previous = session("a", "2027-03-10T14:00:00Z");
    const next = session("c", "2027-06-16T13:00:00Z");
    expect(checkSessionTiming({ ...base, ...at("2027-04-21T13:00:00Z"), previous, audience: "public" })).toBeNull();
    expect(checkSessionTiming({ ...base, ...at("2027-05-06T13:00:00Z"), previous, audience: "public" })?.code).toBe("outside_course_window");
    expect(checkSessionTiming({ ...base, ...at("2027-04-20T13:00:00Z"), previous, audience: "public", overrideReason: "ignored" })?.code).toBe("outside_course_window");
    // Never closer than six weeks to the next one: 16 June less six weeks is 5 May.
    expect(checkSessionTiming({ ...base, ...at("2027-05-05T13:00:00Z"), previous, next, audience: "public" })).toBeNull();
    expect(checkSessionTiming({ ...base, ...at("2027-05-05T13:00:00Z"), previous, next: session("c", "2027-06-15T13:00:00Z"), audience: "public" })?.code).toBe("outside_course_window");
  });
});

describe("session numbers", () => {
  it("are places among the counted sessions by start, so a cancellation moves the later ones down", () => {
    const sessions = [session("b", "2027-04-21T13:00:00Z"), session("a", "2027-03-10T14:00:00Z", "cancelled"), session("c", "2027-06-02T13:00:00Z", "attended")];
    expect(countedSessions(sessions).map((s) => s.id)).toEqual(["b", "c"]);
    expect(neighboursOf(sessions, "c")).toEqual({ previous: sessions[0], next: null });
    expect(neighboursOf(sessions, null)).toEqual({ previous: sessions[2], next: null });
    const plan = { id: "p", estimatedSessions: 6, sessions: [{ id: "b" }, { id: "c" }] };
    expect(courseRefOf("c", plan)).toEqual({ planId: "p", number: 2, of: 6 });
    expect(courseRefOf("a", plan)).toEqual({ planId: "p", number: null, of: 6 });
    expect(describeSession(courseRefOf("c", plan))).toBe("session 2 of 6");
    expect(describeSession(courseRefOf("a", plan))).toBeNull();
    expect(courseRefOf("x", null)).toBeNull();
  });
});
