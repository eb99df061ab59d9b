import KisoTensor

print("kiso-bench: nothing to measure yet")
