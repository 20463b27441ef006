// The debug adapter's DWARF fixture: C variables of every kind of type the Locals scope shows, built twice by build.sh
// (DWARF 5 at -O0: locals in the linear-memory frame; -O1: locals in wasm locals, with location lists).
#include <stdio.h>
#include <string.h>

typedef unsigned int u32;

enum color { RED, GREEN = 5, BLUE };

struct node {
  int value;
  struct node *next;
};

union number {
  int i;
  float f;
};

struct shape {
  const char *label;
  enum color color;
  double scale;
  short grid[2][3];
  union number n;
  char tag[8];
};

int counter = 7;

__attribute__((noinline)) int inspect(struct shape *s, struct node *list, u32 flags) {
  volatile int sum = 0;
  for (struct node *n = list; n; n = n->next) {
    sum += n->value;
  }
  int result = sum + (int)flags + s->grid[1][2];
  return result;
}

int main(void) {
  struct node third = {30, 0};
  struct node second = {20, &third};
  struct node first = {10, &second};
  struct shape s = {"square", GREEN, 2.5, {{1, 2, 3}, {4, 5, 6}}, {.i = 42}, "abc"};
  int numbers[5] = {1, 1, 2, 3, 5};
  char name[16];
  strcpy(name, "wasm");
  u32 flags = 0x10;
  int r = inspect(&s, &first, flags);
  printf("%s %d %d %d\n", name, r, numbers[4], counter);
  return 0;
}
