// The debug adapter's test program: a struct, a loop, a call chain, output on stdout and stderr, and an end chosen by
// its first argument ("trap" traps, "exit" exits with 3; otherwise main returns the sum modulo 256).
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

struct point {
  int x;
  int y;
};

static int square(int v) {
  int result = v * v;
  return result;
}

static int sum_squares(struct point p) {
  int a = square(p.x);
  int b = square(p.y);
  return a + b;
}

static void crash(void) {
  __builtin_trap();
}

int main(int argc, char **argv) {
  struct point p = {3, 4};
  int total = 0;
  for (int i = 0; i < 3; i++) {
    total += sum_squares(p);
    p.x += 1;
  }
  printf("total=%d\n", total);
  fprintf(stderr, "done\n");
  if (argc > 1 && strcmp(argv[1], "trap") == 0) crash();
  if (argc > 1 && strcmp(argv[1], "exit") == 0) exit(3);
  return total % 256;
}
