# Background execution: a worker started and never waited for; the main code sleeps meanwhile.
import eventlet


def worker(name, count=1):
    for index in range(count):
        print("worker", name, index)


eventlet.spawn(worker, "a", count=2)
eventlet.sleep(0.3)
eventlet.spawn_n(worker, "b")
eventlet.sleep(0.3)
print("main done")
