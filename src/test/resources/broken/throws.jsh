// A lesson whose snippet starting on line 4 throws on its line 6.
int[] shape = {2, 3};

void requireSquare(int[] s) {
    if (s[0] != s[1]) {
        throw new IllegalArgumentException("expected a square shape, got " + Arrays.toString(s));
    }
}

requireSquare(shape);
println("never reached");
