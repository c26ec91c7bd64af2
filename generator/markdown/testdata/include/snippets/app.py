import os

# <setup>
os.chdir("/tmp")
# </setup>
print("hi")
print("bye")
