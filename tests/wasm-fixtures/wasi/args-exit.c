// A WASI command for `wit run`: prints its arguments and an environment variable, writes to stderr, reads the clock
// and random bytes, and exits with the code given as its first argument (0 without one).
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv) {
    printf("argc=%d\n", argc);
    for (int i = 0; i < argc; i++) printf("argv[%d]=%s\n", i, argv[i]);
    const char *greeting = getenv("GREETING");
    printf("GREETING=%s\n", greeting ? greeting : "(unset)");
    struct timespec now;
    int clock_ok = clock_gettime(CLOCK_REALTIME, &now) == 0 && now.tv_sec > 1600000000;
    printf("clock=%s\n", clock_ok ? "ok" : "bad");
    unsigned char bytes[16];
    arc4random_buf(bytes, sizeof bytes);
    int nonzero = 0;
    for (unsigned i = 0; i < sizeof bytes; i++) nonzero |= bytes[i];
    printf("random=%s\n", nonzero ? "ok" : "zero");
    fprintf(stderr, "to stderr\n");
    fflush(stdout);
    return argc > 1 ? atoi(argv[1]) : 0;
}
