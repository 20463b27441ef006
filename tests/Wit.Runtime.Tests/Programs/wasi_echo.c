// A WASI command for `wit run` and the WASI tests: prints its arguments and one environment variable, checks the
// clock and random bytes, writes to stderr, and ends by returning, by exit() or by trapping, as its first argument says.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void finish(const char *how) {
  if (strcmp(how, "exit") == 0) exit(7);
  if (strcmp(how, "trap") == 0) __builtin_trap();
}

int main(int argc, char **argv) {
  printf("argc=%d\n", argc);
  for (int i = 1; i < argc; i++) printf("argv[%d]=%s\n", i, argv[i]);
  const char *greeting = getenv("GREETING");
  printf("GREETING=%s\n", greeting ? greeting : "(unset)");
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  printf("clock=%s\n", ts.tv_sec > 1600000000 ? "ok" : "wrong");
  unsigned char bytes[32] = {0};
  getentropy(bytes, sizeof bytes);
  int nonzero = 0;
  for (unsigned i = 0; i < sizeof bytes; i++) nonzero += bytes[i] != 0;
  printf("random=%s\n", nonzero > 0 ? "ok" : "zero");
  fprintf(stderr, "stderr: %d arguments\n", argc - 1);
  if (argc > 1) finish(argv[1]);
  return argc > 1 ? atoi(argv[argc - 1]) : 0;
}
