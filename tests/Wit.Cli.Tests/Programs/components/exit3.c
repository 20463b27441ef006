// Prints and exits with 3 (which the preview1 adapter turns into wasi:cli/exit's error: exit code 1).
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    printf("exiting\n");
    fflush(stdout);
    exit(3);
}
