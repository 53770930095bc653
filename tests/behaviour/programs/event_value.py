# Deferred tasks: a bare Event as a start signal, an Event carrying a worker's value, and one
# carrying its exception.
import eventlet
from eventlet import event


def main():
    started = event.Event()
    answer = event.Event()
    failed = event.Event()

    def worker(x):
        started.send()
        eventlet.sleep(0.05)
        answer.send(x * 2)

    def failing():
        try:
            raise ValueError("boom")
        except ValueError as error:
            failed.send_exception(error)

    eventlet.spawn_n(worker, 21)
    started.wait()
    print("started", started.ready())
    print("answer", answer.wait())
    eventlet.spawn_n(failing)
    try:
        failed.wait()
    except ValueError as error:
        print("raised", error)


main()
