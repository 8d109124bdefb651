// A lesson that defines a method using a name that was never defined (line 4).
int rows = 3;

int cells() {
    return rows * columns;
}
println(cells());
