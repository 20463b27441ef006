// Arguments, environment, stdout and stderr, the first line of stdin, clocks and random bytes; the argument `trap` traps.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
    printf("argc=%d\n", argc);
    for (int i = 1; i < argc; i++) printf("argv[%d]=%s\n", i, argv[i]);
    const char *greeting = getenv("GREETING");
    printf("GREETING=%s\n", greeting ? greeting : "(unset)");
    printf("MISSING=%s\n", getenv("MISSING") ? "set" : "(unset)");
    char line[64] = {0};
    printf("stdin=%s", fgets(line, sizeof line, stdin) ? line : "(empty)\n");
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    clock_gettime(CLOCK_MONOTONIC, &b);
    printf("monotonic=%s\n", (b.tv_sec > a.tv_sec || (b.tv_sec == a.tv_sec && b.tv_nsec >= a.tv_nsec)) ? "ok" : "backwards");
    printf("wall=%s\n", time(NULL) > 1700000000 ? "ok" : "wrong");
    unsigned char random[8] = {0};
    arc4random_buf(random, sizeof random);
    int nonzero = 0;
    for (int i = 0; i < 8; i++) nonzero |= random[i];
    printf("random=%s\n", nonzero ? "ok" : "zero");
    fprintf(stderr, "to stderr: %d arguments\n", argc - 1);
    if (argc > 1 && strcmp(argv[1], "trap") == 0) __builtin_trap();
    return 0;
}
