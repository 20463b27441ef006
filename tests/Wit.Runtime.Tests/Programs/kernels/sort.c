// Benchmark kernel: quicksort (recursive, median of three) and then heapsort of 60,000 generated integers;
// `bench` returns a checksum of the sorted order. Freestanding (clang --target=wasm32 -nostdlib).
#define COUNT 60000
static int values[COUNT];

static void fill(unsigned int seed) {
  for (int i = 0; i < COUNT; i++) {
    seed = seed * 1664525u + 1013904223u;
    values[i] = (int)(seed >> 1);
  }
}

static void swap(int *a, int *b) { int t = *a; *a = *b; *b = t; }

static void quicksort(int *a, int lo, int hi) {
  while (lo < hi) {
    int mid = lo + (hi - lo) / 2;
    if (a[mid] < a[lo]) swap(&a[mid], &a[lo]);
    if (a[hi] < a[lo]) swap(&a[hi], &a[lo]);
    if (a[hi] < a[mid]) swap(&a[hi], &a[mid]);
    int pivot = a[mid], i = lo, j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) { swap(&a[i], &a[j]); i++; j--; }
    }
    if (j - lo < hi - i) { quicksort(a, lo, j); lo = i; } else { quicksort(a, i, hi); hi = j; }
  }
}

static void sift(int *a, int start, int end) {
  int root = start;
  while (2 * root + 1 <= end) {
    int child = 2 * root + 1;
    if (child + 1 <= end && a[child] < a[child + 1]) child++;
    if (a[root] < a[child]) { swap(&a[root], &a[child]); root = child; } else return;
  }
}

static void heapsort(int *a, int n) {
  for (int start = (n - 2) / 2; start >= 0; start--) sift(a, start, n - 1);
  for (int end = n - 1; end > 0; end--) { swap(&a[0], &a[end]); sift(a, 0, end - 1); }
}

static unsigned long long checksum(void) {
  unsigned long long sum = 0;
  for (int i = 0; i < COUNT; i++) {
    if (i > 0 && values[i - 1] > values[i]) return 0;
    sum = sum * 31 + (unsigned int)values[i];
  }
  return sum;
}

__attribute__((export_name("bench"))) unsigned long long bench(void) {
  fill(42);
  quicksort(values, 0, COUNT - 1);
  unsigned long long a = checksum();
  fill(7);
  heapsort(values, COUNT);
  return a ^ (checksum() << 1);
}
