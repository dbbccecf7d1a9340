"""Line-level chrome detection for plain text: split, features, learned scorer, title."""
