# Integration and green thread management: a blocking call in tpool, a queue between steps.
from eventlet import queue, tpool


def checksum(values, scale=1):
    return sum(values) * scale


jobs = queue.Queue()
for value in (3, 1, 2):
    jobs.put(value)
drained = [jobs.get() for _ in range(jobs.qsize())]
print("drained", drained)
print("checksum", tpool.execute(checksum, drained, scale=10))
