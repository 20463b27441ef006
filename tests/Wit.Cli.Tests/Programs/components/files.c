// File operations in the preopen /sandbox: create, write, append, read, seek, stat, list, rename, truncate, remove.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void report(const char *what, int ok) {
    if (ok) printf("%s: ok\n", what);
    else printf("%s: %s\n", what, strerror(errno));
}

static int compare(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void list(const char *path) {
    DIR *dir = opendir(path);
    if (!dir) { report("opendir", 0); return; }
    char *names[32];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(dir)) && n < 32) names[n++] = strdup(e->d_name);
    closedir(dir);
    qsort(names, n, sizeof *names, compare);
    printf("%s:", path);
    for (int i = 0; i < n; i++) { printf(" %s", names[i]); free(names[i]); }
    printf("\n");
}

int main(void) {
    report("mkdir d", mkdir("/sandbox/d", 0755) == 0);
    report("mkdir d again", mkdir("/sandbox/d", 0755) == 0);
    FILE *f = fopen("/sandbox/d/a.txt", "w");
    report("fopen w", f != NULL);
    fputs("hello\n", f);
    fclose(f);
    f = fopen("/sandbox/d/a.txt", "a");
    fputs("world\n", f);
    fclose(f);
    char text[64] = {0};
    f = fopen("/sandbox/d/a.txt", "r");
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    printf("read %zu: %s", n, text);
    int fd = open("/sandbox/d/a.txt", O_RDWR);
    report("open rdwr", fd >= 0);
    printf("lseek=%lld\n", (long long)lseek(fd, 6, SEEK_SET));
    char five[6] = {0};
    printf("pread=%zd %s\n", pread(fd, five, 5, 6), five);
    report("ftruncate", ftruncate(fd, 5) == 0);
    struct stat st;
    report("fstat", fstat(fd, &st) == 0);
    printf("size=%lld regular=%d\n", (long long)st.st_size, S_ISREG(st.st_mode));
    close(fd);
    report("stat dir", stat("/sandbox/d", &st) == 0);
    printf("directory=%d\n", S_ISDIR(st.st_mode));
    report("rename", rename("/sandbox/d/a.txt", "/sandbox/d/b.txt") == 0);
    f = fopen("/sandbox/d/c.txt", "w");
    fclose(f);
    list("/sandbox/d");
    report("open missing", open("/sandbox/d/missing", O_RDONLY) >= 0);
    report("rmdir non-empty", rmdir("/sandbox/d") == 0);
    report("unlink dir", unlink("/sandbox/d") == 0);
    report("unlink b", unlink("/sandbox/d/b.txt") == 0);
    report("unlink c", unlink("/sandbox/d/c.txt") == 0);
    report("rmdir", rmdir("/sandbox/d") == 0);
    list("/sandbox");
    return 0;
}
