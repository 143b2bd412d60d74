// Package reminders raises the reminders of meetings and tasks at their
// time: a robfig/cron tick checks every 30 seconds what became due since
// the last check, a Kick (a meeting or task changed) checks at once, and a
// check that finds the wall clock jumped (the laptop slept) or runs first
// after start catches up on every reminder whose time passed meanwhile and
// whose meeting is not over yet, once. What fired, was snoozed or dismissed
// is kept in a State (the database) so a reminder fires once even across
// restarts.
//
// The package declares what it needs: a Source of due reminders, the State
// and the Notifiers that announce a reminder (the desktop notification and
// the in-app one). The clock is injected.
package reminders
