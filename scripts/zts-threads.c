/*
 * A threaded PHP host for scripts/zts-threads.sh: PHP's embed SAPI (ZTS),
 * THREADS threads, each running REQUESTS requests one after another, all at
 * the same time. Each request evaluates the PHP expression in the file named
 * by argv[1], which answers a string: "ok <connection id>" or a reason.
 *
 *   zts-threads EXPR_FILE THREADS REQUESTS
 *
 * Prints, per thread, the successes and the server connections its requests
 * reported, the RSS after the first and after the last round (every thread
 * alive), then
 * "N passed, N failed" (requests). Exit status 0 only when every request
 * succeeded, no connection id was seen by two threads (a persistent link
 * is per thread in ZTS: EG(persistent_list) is thread-local), and RSS grew
 * by less than the limit in LOCALAPI_THREADS_RSS_KB (default 4096).
 */
#include <sapi/embed/php_embed.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_THREADS 64
#define MAX_LINKS 8

typedef struct {
	int index;
	long passed;
	long failed;
	long links[MAX_LINKS];
	int link_count;
	char first_error[256];
} thread_result;

static char *expression;
static long requests;
static pthread_barrier_t round_barrier;
static atomic_long rss_first;
static atomic_long rss_last;

static long rss_kb(void)
{
	long pages = 0, resident = 0;
	FILE *statm = fopen("/proc/self/statm", "r");

	if (statm) {
		if (fscanf(statm, "%ld %ld", &pages, &resident) != 2) {
			resident = 0;
		}
		fclose(statm);
	}
	return resident * 4;
}

static void note_link(thread_result *result, long link)
{
	for (int i = 0; i < result->link_count; i++) {
		if (result->links[i] == link) {
			return;
		}
	}
	if (result->link_count < MAX_LINKS) {
		result->links[result->link_count++] = link;
	}
}

static void run_request(thread_result *result)
{
	zval answer;
	volatile bool ok = false;

	SG(options) |= SAPI_OPTION_NO_CHDIR;
	SG(headers_sent) = 1;
	SG(request_info).no_headers = 1;
	if (php_request_startup() == FAILURE) {
		snprintf(result->first_error, sizeof(result->first_error), "request startup failed");
		result->failed++;
		return;
	}
	ZVAL_UNDEF(&answer);
	zend_try {
		if (zend_eval_string(expression, &answer, "zts-threads request") == SUCCESS
				&& Z_TYPE(answer) == IS_STRING && strncmp(Z_STRVAL(answer), "ok ", 3) == 0) {
			note_link(result, strtol(Z_STRVAL(answer) + 3, NULL, 10));
			ok = true;
		} else if (!result->first_error[0]) {
			snprintf(result->first_error, sizeof(result->first_error), "%s",
				Z_TYPE(answer) == IS_STRING ? Z_STRVAL(answer) : "no string answer");
		}
	} zend_end_try();
	zval_ptr_dtor(&answer);
	php_request_shutdown(NULL);
	if (ok) {
		result->passed++;
	} else {
		result->failed++;
	}
}

static void *worker(void *arg)
{
	thread_result *result = arg;

	(void) ts_resource(0);
	for (long i = 0; i < requests; i++) {
		run_request(result);
		if (i == 0 || i == requests - 1) {
			/* After the first round every thread has its link and its caches: the
			 * baseline; after the last, with every thread still alive, the end. */
			if (pthread_barrier_wait(&round_barrier) == PTHREAD_BARRIER_SERIAL_THREAD) {
				atomic_store(i == 0 ? &rss_first : &rss_last, rss_kb());
			}
			pthread_barrier_wait(&round_barrier);
		}
	}
	ts_free_thread();
	return NULL;
}

static char *read_file(const char *path)
{
	FILE *file = fopen(path, "r");
	char *text;
	long size;

	if (!file || fseek(file, 0, SEEK_END) != 0 || (size = ftell(file)) < 0 || fseek(file, 0, SEEK_SET) != 0) {
		return NULL;
	}
	text = calloc(1, size + 1);
	if (text && fread(text, 1, size, file) != (size_t) size) {
		free(text);
		text = NULL;
	}
	fclose(file);
	return text;
}

int main(int argc, char **argv)
{
	static thread_result results[MAX_THREADS];
	pthread_t threads[MAX_THREADS];
	long threads_count, passed = 0, failed = 0, limit;
	bool shared = false;

	if (argc != 4 || !(expression = read_file(argv[1]))
			|| (threads_count = atol(argv[2])) < 1 || threads_count > MAX_THREADS || (requests = atol(argv[3])) < 1) {
		fprintf(stderr, "usage: zts-threads EXPR_FILE THREADS(1-%d) REQUESTS\n", MAX_THREADS);
		return 2;
	}
	limit = getenv("LOCALAPI_THREADS_RSS_KB") ? atol(getenv("LOCALAPI_THREADS_RSS_KB")) : 4096;
	if (php_embed_init(0, NULL) == FAILURE) {
		fprintf(stderr, "zts-threads: PHP did not start\n");
		return 1;
	}
	/* The main thread's request is not used. */
	php_request_shutdown(NULL);
	pthread_barrier_init(&round_barrier, NULL, threads_count);
	for (long i = 0; i < threads_count; i++) {
		results[i].index = i;
		pthread_create(&threads[i], NULL, worker, &results[i]);
	}
	for (long i = 0; i < threads_count; i++) {
		pthread_join(threads[i], NULL);
	}
	for (long i = 0; i < threads_count; i++) {
		thread_result *result = &results[i];
		printf("thread %ld: %ld passed, %ld failed, connections", i, result->passed, result->failed);
		for (int l = 0; l < result->link_count; l++) {
			printf(" %ld", result->links[l]);
			for (long j = 0; j < i; j++) {
				for (int m = 0; m < results[j].link_count; m++) {
					shared = shared || results[j].links[m] == result->links[l];
				}
			}
		}
		printf("%s%s\n", result->first_error[0] ? "; first error: " : "", result->first_error);
		passed += result->passed;
		failed += result->failed;
	}
	printf("RSS after the first round %ld kB, after the last %ld kB (growth %ld kB, limit %ld kB)\n",
		(long) rss_first, (long) rss_last, (long) rss_last - (long) rss_first, limit);
	if (shared) {
		printf("a server connection was used by two threads\n");
	}
	/* php_embed_shutdown() ends a request first: start the one it ends. */
	php_request_startup();
	php_embed_shutdown();
	printf("%ld passed, %ld failed\n", passed, failed);
	return failed == 0 && !shared && (long) rss_last - (long) rss_first < limit ? 0 : 1;
}
