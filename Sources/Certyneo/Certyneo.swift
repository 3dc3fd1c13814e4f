// Handwritten additions to the generated SDK live next to this file.
