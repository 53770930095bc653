# Green thread management: a pool computing squares with imap (in order, although they finish
# out of order), side jobs with spawn_n, a kept spawn, waitall, and a default-size pool's starmap.
import eventlet

recorded = []


def square(x):
    eventlet.sleep(0.01 * abs(5 - x))
    return x * x


def record(x):
    recorded.append(square(x))


def main():
    pool = eventlet.GreenPool(4)
    for value in pool.imap(square, range(5)):
        print("square", value)
    for x in range(3):
        pool.spawn_n(record, x)
    kept = pool.spawn(square, 7)
    pool.waitall()
    print("recorded", sorted(recorded))
    print("kept", kept.wait())
    powers = eventlet.GreenPool()
    print("powers", list(powers.starmap(pow, [(2, 3), (3, 2), (5, 0)])))


main()
