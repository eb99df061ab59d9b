"""The peer of range_sum.kiso in CPython, written at the top level as a learner would write it."""
s = 0.0
for i in range(10000000):
    s = s + i * 0.5
print(s)
