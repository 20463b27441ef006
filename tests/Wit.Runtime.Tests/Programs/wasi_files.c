// Files under a preopened directory: reads argv[1], writes what it read to argv[2], and tries argv[3], a path that
// leads out of the preopen (which must be refused).
#include <errno.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
  if (argc < 4) return 2;
  FILE *in = fopen(argv[1], "r");
  if (!in) {
    printf("open %s: %s\n", argv[1], strerror(errno));
    return 1;
  }
  char buf[256];
  size_t n = fread(buf, 1, sizeof buf - 1, in);
  buf[n] = 0;
  fseek(in, 0, SEEK_END);
  long size = ftell(in);
  fclose(in);
  printf("read %zu of %ld: %s", n, size, buf);
  FILE *out = fopen(argv[2], "w");
  if (!out) {
    printf("create %s: %s\n", argv[2], strerror(errno));
    return 1;
  }
  fprintf(out, "copied: %s", buf);
  fclose(out);
  FILE *bad = fopen(argv[3], "r");
  printf("outside: %s\n", bad ? "opened" : strerror(errno));
  return 0;
}
