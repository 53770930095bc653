# Background execution: a loop that sleeps between rounds.
import eventlet


def main():
    for round_number in range(3):
        eventlet.sleep(0.01)
        print("round", round_number)


main()
