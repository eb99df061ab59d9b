"""The peer of scalar.kiso in CPython, written at the top level as a learner would write it."""
s = 0.0
for i in range(1000000):
    s = s + 1.0
print(s)
