# Green thread management: spawned functions kept and waited for, in another order than they
# finish; an exception comes back through wait().
import eventlet


def slow_add(a, b, delay=0.0):
    eventlet.sleep(delay)
    return a + b


def fail():
    raise RuntimeError("worker failed")


def main():
    first = eventlet.spawn(slow_add, 1, 2, delay=0.05)
    second = eventlet.spawn(slow_add, 10, 20)
    print("second", second.wait())
    print("first", first.wait())
    broken = eventlet.spawn(fail)
    try:
        broken.wait()
    except RuntimeError as error:
        print("caught", error)


main()
