# Deferred tasks: two reminders scheduled, one cancelled before it fires.
import eventlet


def remind(who, loud=False):
    print("reminder", who, "LOUD" if loud else "quiet")


later = eventlet.spawn_after(0.3, remind, "ops")
eventlet.spawn_after(0.05, remind, "dev", loud=True)
later.cancel()
eventlet.sleep(0.5)
print("done")
