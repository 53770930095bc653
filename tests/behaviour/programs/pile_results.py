# Green thread management: a GreenPile collects results in the order the work was spawned,
# whatever order it finishes in.
import eventlet


def slow_square(value):
    eventlet.sleep(0.01 * (5 - value))
    return value * value


def squares(values):
    pile = eventlet.GreenPile(3)
    for value in values:
        pile.spawn(slow_square, value)
    return list(pile)


print("squares", squares([1, 2, 3, 4]))
