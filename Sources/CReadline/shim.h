#ifndef KISO_CREADLINE_SHIM_H
#define KISO_CREADLINE_SHIM_H
// readline.h uses FILE without including stdio.h itself.
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

// readline keeps its state in global variables, which Swift 6 does not let code touch directly
// (they are shared mutable state). These accessors are the one place Kiso reads or sets them; the
// line editor uses readline from a single thread.

static inline void kiso_rl_configure(const char *application_name, const char *word_breaks,
                                     rl_completion_func_t *completion, rl_hook_func_t *startup_hook) {
    rl_readline_name = application_name;
    // SIGINT stays with the application's handler; readline would otherwise print and re-raise it.
    rl_catch_signals = 0;
    rl_completer_word_break_characters = word_breaks;
    rl_basic_word_break_characters = word_breaks;
    rl_attempted_completion_function = completion;
    rl_startup_hook = startup_hook;
}

static inline void kiso_rl_set_attempted_completion_over(int value) { rl_attempted_completion_over = value; }

static inline void kiso_rl_set_completion_append_character(int value) { rl_completion_append_character = value; }

static inline const char *kiso_rl_line_buffer(void) { return rl_line_buffer; }

static inline int kiso_rl_end(void) { return rl_end; }

static inline FILE *kiso_rl_instream(void) { return rl_instream ? rl_instream : stdin; }

// Ctrl-C at the prompt: show `^C` after the abandoned text, move to a new line, and forget the line
// so the next prompt starts empty. Done before the handler is removed, because removing it writes
// a carriage return (ending bracketed paste) that would put `^C` over the prompt.
static inline void kiso_rl_abandon_line(void) {
    FILE *out = rl_outstream ? rl_outstream : stdout;
    rl_point = rl_end;
    rl_redisplay();
    fputs("^C", out);
    rl_crlf();
    fflush(out);
    rl_replace_line("", 0);
    rl_callback_sigcleanup();
}

static inline int kiso_history_length(void) { return history_length; }

static inline int kiso_history_base(void) { return history_base; }

#endif
