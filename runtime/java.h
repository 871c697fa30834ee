/* java.h — Socorro's JavaSignatureTool and JavaExceptionSignatureTool. Runtime stage. */
#ifndef SG_JAVA_H
#define SG_JAVA_H
#include <cjson/cJSON.h>
#include "result.h"

/* Signature of a Java stack trace (any JSON value, as Python would take it); notes and debug
 * lines come back without the rule prefix. SG_RULE_OK / RAISED / FATAL. */
int sg_java_stack_signature(sg_result *r, const cJSON *source, sg_str *sig, sg_strvec *notes,
                            sg_strvec *debug);
int sg_java_exception_signature(sg_result *r, const cJSON *source, sg_str *sig,
                                sg_strvec *notes, sg_strvec *debug);
#endif
