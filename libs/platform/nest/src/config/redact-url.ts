/** Never log a password that sits in a connection string. */
export const redactUrl = (url: string): string => url.replace(/([a-z+]+:\/*)([^:/@]+):[^@/]*@/i, '$1$2:***@');
