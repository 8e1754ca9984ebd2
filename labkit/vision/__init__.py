"""Vision: faces (MTCNN), head pose, facial emotion (fer's mini-Xception), seed 002's analyzer.

Import the submodules: ``faces``, ``fer_port``, ``analyzer``, ``video``, ``train``. Nothing heavy
is imported here.
"""
