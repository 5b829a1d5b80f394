"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf, __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from == "object" || typeof from == "function")
    for (let key of __getOwnPropNames(from))
      !__hasOwnProp.call(to, key) && key !== except && __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: !0 }) : target,
  mod
));

// node_modules/nunjucks/src/lib.js
var require_lib = __commonJS({
  "node_modules/nunjucks/src/lib.js"(exports2, module2) {
    "use strict";
    var ArrayProto = Array.prototype, ObjProto = Object.prototype, escapeMap = {
      "&": "&amp;",
      '"': "&quot;",
      "'": "&#39;",
      "<": "&lt;",
      ">": "&gt;",
      "\\": "&#92;"
    }, escapeRegex = /[&"'<>\\]/g, _exports = module2.exports = {};
    function hasOwnProp(obj, k) {
      return ObjProto.hasOwnProperty.call(obj, k);
    }
    _exports.hasOwnProp = hasOwnProp;
    function lookupEscape(ch) {
      return escapeMap[ch];
    }
    function _prettifyError(path, withInternals, err) {
      if (err.Update || (err = new _exports.TemplateError(err)), err.Update(path), !withInternals) {
        var old = err;
        err = new Error(old.message), err.name = old.name;
      }
      return err;
    }
    _exports._prettifyError = _prettifyError;
    function TemplateError(message, lineno, colno) {
      var err, cause;
      message instanceof Error && (cause = message, message = cause.name + ": " + cause.message), Object.setPrototypeOf ? (err = new Error(message), Object.setPrototypeOf(err, TemplateError.prototype)) : (err = this, Object.defineProperty(err, "message", {
        enumerable: !1,
        writable: !0,
        value: message
      })), Object.defineProperty(err, "name", {
        value: "Template render error"
      }), Error.captureStackTrace && Error.captureStackTrace(err, this.constructor);
      var getStack;
      if (cause) {
        var stackDescriptor = Object.getOwnPropertyDescriptor(cause, "stack");
        getStack = stackDescriptor && (stackDescriptor.get || function() {
          return stackDescriptor.value;
        }), getStack || (getStack = function() {
          return cause.stack;
        });
      } else {
        var stack = new Error(message).stack;
        getStack = function() {
          return stack;
        };
      }
      return Object.defineProperty(err, "stack", {
        get: function() {
          return getStack.call(err);
        }
      }), Object.defineProperty(err, "cause", {
        value: cause
      }), err.lineno = lineno, err.colno = colno, err.firstUpdate = !0, err.Update = function(path) {
        var msg = "(" + (path || "unknown path") + ")";
        return this.firstUpdate && (this.lineno && this.colno ? msg += " [Line " + this.lineno + ", Column " + this.colno + "]" : this.lineno && (msg += " [Line " + this.lineno + "]")), msg += `
 `, this.firstUpdate && (msg += " "), this.message = msg + (this.message || ""), this.firstUpdate = !1, this;
      }, err;
    }
    Object.setPrototypeOf ? Object.setPrototypeOf(TemplateError.prototype, Error.prototype) : TemplateError.prototype = Object.create(Error.prototype, {
      constructor: {
        value: TemplateError
      }
    });
    _exports.TemplateError = TemplateError;
    function escape(val) {
      return val.replace(escapeRegex, lookupEscape);
    }
    _exports.escape = escape;
    function isFunction(obj) {
      return ObjProto.toString.call(obj) === "[object Function]";
    }
    _exports.isFunction = isFunction;
    function isArray(obj) {
      return ObjProto.toString.call(obj) === "[object Array]";
    }
    _exports.isArray = isArray;
    function isString(obj) {
      return ObjProto.toString.call(obj) === "[object String]";
    }
    _exports.isString = isString;
    function isObject(obj) {
      return ObjProto.toString.call(obj) === "[object Object]";
    }
    _exports.isObject = isObject;
    function _prepareAttributeParts(attr) {
      return attr ? typeof attr == "string" ? attr.split(".") : [attr] : [];
    }
    function getAttrGetter(attribute) {
      var parts = _prepareAttributeParts(attribute);
      return function(item) {
        for (var _item = item, i = 0; i < parts.length; i++) {
          var part = parts[i];
          if (hasOwnProp(_item, part))
            _item = _item[part];
          else
            return;
        }
        return _item;
      };
    }
    _exports.getAttrGetter = getAttrGetter;
    function groupBy(obj, val, throwOnUndefined) {
      for (var result = {}, iterator = isFunction(val) ? val : getAttrGetter(val), i = 0; i < obj.length; i++) {
        var value = obj[i], key = iterator(value, i);
        if (key === void 0 && throwOnUndefined === !0)
          throw new TypeError('groupby: attribute "' + val + '" resolved to undefined');
        (result[key] || (result[key] = [])).push(value);
      }
      return result;
    }
    _exports.groupBy = groupBy;
    function toArray(obj) {
      return Array.prototype.slice.call(obj);
    }
    _exports.toArray = toArray;
    function without(array) {
      var result = [];
      if (!array)
        return result;
      for (var length = array.length, contains = toArray(arguments).slice(1), index = -1; ++index < length; )
        indexOf(contains, array[index]) === -1 && result.push(array[index]);
      return result;
    }
    _exports.without = without;
    function repeat(char_, n) {
      for (var str = "", i = 0; i < n; i++)
        str += char_;
      return str;
    }
    _exports.repeat = repeat;
    function each(obj, func, context) {
      if (obj != null) {
        if (ArrayProto.forEach && obj.forEach === ArrayProto.forEach)
          obj.forEach(func, context);
        else if (obj.length === +obj.length)
          for (var i = 0, l = obj.length; i < l; i++)
            func.call(context, obj[i], i, obj);
      }
    }
    _exports.each = each;
    function map(obj, func) {
      var results = [];
      if (obj == null)
        return results;
      if (ArrayProto.map && obj.map === ArrayProto.map)
        return obj.map(func);
      for (var i = 0; i < obj.length; i++)
        results[results.length] = func(obj[i], i);
      return obj.length === +obj.length && (results.length = obj.length), results;
    }
    _exports.map = map;
    function asyncIter(arr, iter, cb) {
      var i = -1;
      function next() {
        i++, i < arr.length ? iter(arr[i], i, next, cb) : cb();
      }
      next();
    }
    _exports.asyncIter = asyncIter;
    function asyncFor(obj, iter, cb) {
      var keys = keys_(obj || {}), len = keys.length, i = -1;
      function next() {
        i++;
        var k = keys[i];
        i < len ? iter(k, obj[k], i, len, next) : cb();
      }
      next();
    }
    _exports.asyncFor = asyncFor;
    function indexOf(arr, searchElement, fromIndex) {
      return Array.prototype.indexOf.call(arr || [], searchElement, fromIndex);
    }
    _exports.indexOf = indexOf;
    function keys_(obj) {
      var arr = [];
      for (var k in obj)
        hasOwnProp(obj, k) && arr.push(k);
      return arr;
    }
    _exports.keys = keys_;
    function _entries(obj) {
      return keys_(obj).map(function(k) {
        return [k, obj[k]];
      });
    }
    _exports._entries = _entries;
    function _values(obj) {
      return keys_(obj).map(function(k) {
        return obj[k];
      });
    }
    _exports._values = _values;
    function extend(obj1, obj2) {
      return obj1 = obj1 || {}, keys_(obj2).forEach(function(k) {
        obj1[k] = obj2[k];
      }), obj1;
    }
    _exports._assign = _exports.extend = extend;
    function inOperator(key, val) {
      if (isArray(val) || isString(val))
        return val.indexOf(key) !== -1;
      if (isObject(val))
        return key in val;
      throw new Error('Cannot use "in" operator to search for "' + key + '" in unexpected types.');
    }
    _exports.inOperator = inOperator;
  }
});

// node_modules/asap/raw.js
var require_raw = __commonJS({
  "node_modules/asap/raw.js"(exports2, module2) {
    "use strict";
    var domain, hasSetImmediate = typeof setImmediate == "function";
    module2.exports = rawAsap;
    function rawAsap(task) {
      queue.length || (requestFlush(), flushing = !0), queue[queue.length] = task;
    }
    var queue = [], flushing = !1, index = 0, capacity = 1024;
    function flush() {
      for (; index < queue.length; ) {
        var currentIndex = index;
        if (index = index + 1, queue[currentIndex].call(), index > capacity) {
          for (var scan = 0, newLength = queue.length - index; scan < newLength; scan++)
            queue[scan] = queue[scan + index];
          queue.length -= index, index = 0;
        }
      }
      queue.length = 0, index = 0, flushing = !1;
    }
    rawAsap.requestFlush = requestFlush;
    function requestFlush() {
      var parentDomain = process.domain;
      parentDomain && (domain || (domain = require("domain")), domain.active = process.domain = null), flushing && hasSetImmediate ? setImmediate(flush) : process.nextTick(flush), parentDomain && (domain.active = process.domain = parentDomain);
    }
  }
});

// node_modules/asap/asap.js
var require_asap = __commonJS({
  "node_modules/asap/asap.js"(exports2, module2) {
    "use strict";
    var rawAsap = require_raw(), freeTasks = [];
    module2.exports = asap;
    function asap(task) {
      var rawTask;
      freeTasks.length ? rawTask = freeTasks.pop() : rawTask = new RawTask(), rawTask.task = task, rawTask.domain = process.domain, rawAsap(rawTask);
    }
    function RawTask() {
      this.task = null, this.domain = null;
    }
    RawTask.prototype.call = function() {
      this.domain && this.domain.enter();
      var threw = !0;
      try {
        this.task.call(), threw = !1, this.domain && this.domain.exit();
      } finally {
        threw && rawAsap.requestFlush(), this.task = null, this.domain = null, freeTasks.push(this);
      }
    };
  }
});

// node_modules/a-sync-waterfall/index.js
var require_a_sync_waterfall = __commonJS({
  "node_modules/a-sync-waterfall/index.js"(exports2, module2) {
    (function(globals) {
      "use strict";
      var executeSync = function() {
        var args = Array.prototype.slice.call(arguments);
        typeof args[0] == "function" && args[0].apply(null, args.splice(1));
      }, executeAsync = function(fn) {
        typeof setImmediate == "function" ? setImmediate(fn) : typeof process < "u" && process.nextTick ? process.nextTick(fn) : setTimeout(fn, 0);
      }, makeIterator = function(tasks) {
        var makeCallback = function(index) {
          var fn = function() {
            return tasks.length && tasks[index].apply(null, arguments), fn.next();
          };
          return fn.next = function() {
            return index < tasks.length - 1 ? makeCallback(index + 1) : null;
          }, fn;
        };
        return makeCallback(0);
      }, _isArray = Array.isArray || function(maybeArray) {
        return Object.prototype.toString.call(maybeArray) === "[object Array]";
      }, waterfall = function(tasks, callback, forceAsync) {
        var nextTick = forceAsync ? executeAsync : executeSync;
        if (callback = callback || function() {
        }, !_isArray(tasks)) {
          var err = new Error("First argument to waterfall must be an array of functions");
          return callback(err);
        }
        if (!tasks.length)
          return callback();
        var wrapIterator = function(iterator) {
          return function(err2) {
            if (err2)
              callback.apply(null, arguments), callback = function() {
              };
            else {
              var args = Array.prototype.slice.call(arguments, 1), next = iterator.next();
              next ? args.push(wrapIterator(next)) : args.push(callback), nextTick(function() {
                iterator.apply(null, args);
              });
            }
          };
        };
        wrapIterator(makeIterator(tasks))();
      };
      typeof define < "u" && define.amd ? define([], function() {
        return waterfall;
      }) : typeof module2 < "u" && module2.exports ? module2.exports = waterfall : globals.waterfall = waterfall;
    })(exports2);
  }
});

// node_modules/nunjucks/src/lexer.js
var require_lexer = __commonJS({
  "node_modules/nunjucks/src/lexer.js"(exports2, module2) {
    "use strict";
    var lib = require_lib(), whitespaceChars = ` 
	\r `, delimChars = "()[]{}%*-+~/#,:|.<>=!", intChars = "0123456789", BLOCK_START = "{%", BLOCK_END = "%}", VARIABLE_START = "{{", VARIABLE_END = "}}", COMMENT_START = "{#", COMMENT_END = "#}", TOKEN_STRING = "string", TOKEN_WHITESPACE = "whitespace", TOKEN_DATA = "data", TOKEN_BLOCK_START = "block-start", TOKEN_BLOCK_END = "block-end", TOKEN_VARIABLE_START = "variable-start", TOKEN_VARIABLE_END = "variable-end", TOKEN_COMMENT = "comment", TOKEN_LEFT_PAREN = "left-paren", TOKEN_RIGHT_PAREN = "right-paren", TOKEN_LEFT_BRACKET = "left-bracket", TOKEN_RIGHT_BRACKET = "right-bracket", TOKEN_LEFT_CURLY = "left-curly", TOKEN_RIGHT_CURLY = "right-curly", TOKEN_OPERATOR = "operator", TOKEN_COMMA = "comma", TOKEN_COLON = "colon", TOKEN_TILDE = "tilde", TOKEN_PIPE = "pipe", TOKEN_INT = "int", TOKEN_FLOAT = "float", TOKEN_BOOLEAN = "boolean", TOKEN_NONE = "none", TOKEN_SYMBOL = "symbol", TOKEN_SPECIAL = "special", TOKEN_REGEX = "regex";
    function token(type, value, lineno, colno) {
      return {
        type,
        value,
        lineno,
        colno
      };
    }
    var Tokenizer = /* @__PURE__ */ (function() {
      function Tokenizer2(str, opts) {
        this.str = str, this.index = 0, this.len = str.length, this.lineno = 0, this.colno = 0, this.in_code = !1, opts = opts || {};
        var tags = opts.tags || {};
        this.tags = {
          BLOCK_START: tags.blockStart || BLOCK_START,
          BLOCK_END: tags.blockEnd || BLOCK_END,
          VARIABLE_START: tags.variableStart || VARIABLE_START,
          VARIABLE_END: tags.variableEnd || VARIABLE_END,
          COMMENT_START: tags.commentStart || COMMENT_START,
          COMMENT_END: tags.commentEnd || COMMENT_END
        }, this.trimBlocks = !!opts.trimBlocks, this.lstripBlocks = !!opts.lstripBlocks;
      }
      var _proto = Tokenizer2.prototype;
      return _proto.nextToken = function() {
        var lineno = this.lineno, colno = this.colno, tok;
        if (this.in_code) {
          var cur = this.current();
          if (this.isFinished())
            return null;
          if (cur === '"' || cur === "'")
            return token(TOKEN_STRING, this._parseString(cur), lineno, colno);
          if (tok = this._extract(whitespaceChars))
            return token(TOKEN_WHITESPACE, tok, lineno, colno);
          if ((tok = this._extractString(this.tags.BLOCK_END)) || (tok = this._extractString("-" + this.tags.BLOCK_END)))
            return this.in_code = !1, this.trimBlocks && (cur = this.current(), cur === `
` ? this.forward() : cur === "\r" && (this.forward(), cur = this.current(), cur === `
` ? this.forward() : this.back())), token(TOKEN_BLOCK_END, tok, lineno, colno);
          if ((tok = this._extractString(this.tags.VARIABLE_END)) || (tok = this._extractString("-" + this.tags.VARIABLE_END)))
            return this.in_code = !1, token(TOKEN_VARIABLE_END, tok, lineno, colno);
          if (cur === "r" && this.str.charAt(this.index + 1) === "/") {
            this.forwardN(2);
            for (var regexBody = ""; !this.isFinished(); )
              if (this.current() === "/" && this.previous() !== "\\") {
                this.forward();
                break;
              } else
                regexBody += this.current(), this.forward();
            for (var POSSIBLE_FLAGS = ["g", "i", "m", "y"], regexFlags = ""; !this.isFinished(); ) {
              var isCurrentAFlag = POSSIBLE_FLAGS.indexOf(this.current()) !== -1;
              if (isCurrentAFlag)
                regexFlags += this.current(), this.forward();
              else
                break;
            }
            return token(TOKEN_REGEX, {
              body: regexBody,
              flags: regexFlags
            }, lineno, colno);
          } else if (delimChars.indexOf(cur) !== -1) {
            this.forward();
            var complexOps = ["==", "===", "!=", "!==", "<=", ">=", "//", "**"], curComplex = cur + this.current(), type;
            switch (lib.indexOf(complexOps, curComplex) !== -1 && (this.forward(), cur = curComplex, lib.indexOf(complexOps, curComplex + this.current()) !== -1 && (cur = curComplex + this.current(), this.forward())), cur) {
              case "(":
                type = TOKEN_LEFT_PAREN;
                break;
              case ")":
                type = TOKEN_RIGHT_PAREN;
                break;
              case "[":
                type = TOKEN_LEFT_BRACKET;
                break;
              case "]":
                type = TOKEN_RIGHT_BRACKET;
                break;
              case "{":
                type = TOKEN_LEFT_CURLY;
                break;
              case "}":
                type = TOKEN_RIGHT_CURLY;
                break;
              case ",":
                type = TOKEN_COMMA;
                break;
              case ":":
                type = TOKEN_COLON;
                break;
              case "~":
                type = TOKEN_TILDE;
                break;
              case "|":
                type = TOKEN_PIPE;
                break;
              default:
                type = TOKEN_OPERATOR;
            }
            return token(type, cur, lineno, colno);
          } else if (tok = this._extractUntil(whitespaceChars + delimChars), tok.match(/^[-+]?[0-9]+$/))
            if (this.current() === ".") {
              this.forward();
              var dec = this._extract(intChars);
              return token(TOKEN_FLOAT, tok + "." + dec, lineno, colno);
            } else
              return token(TOKEN_INT, tok, lineno, colno);
          else {
            if (tok.match(/^(true|false)$/))
              return token(TOKEN_BOOLEAN, tok, lineno, colno);
            if (tok === "none")
              return token(TOKEN_NONE, tok, lineno, colno);
            if (tok === "null")
              return token(TOKEN_NONE, tok, lineno, colno);
            if (tok)
              return token(TOKEN_SYMBOL, tok, lineno, colno);
            throw new Error("Unexpected value while parsing: " + tok);
          }
        } else {
          var beginChars = this.tags.BLOCK_START.charAt(0) + this.tags.VARIABLE_START.charAt(0) + this.tags.COMMENT_START.charAt(0) + this.tags.COMMENT_END.charAt(0);
          if (this.isFinished())
            return null;
          if ((tok = this._extractString(this.tags.BLOCK_START + "-")) || (tok = this._extractString(this.tags.BLOCK_START)))
            return this.in_code = !0, token(TOKEN_BLOCK_START, tok, lineno, colno);
          if ((tok = this._extractString(this.tags.VARIABLE_START + "-")) || (tok = this._extractString(this.tags.VARIABLE_START)))
            return this.in_code = !0, token(TOKEN_VARIABLE_START, tok, lineno, colno);
          tok = "";
          var data, inComment = !1;
          for (this._matches(this.tags.COMMENT_START) && (inComment = !0, tok = this._extractString(this.tags.COMMENT_START)); (data = this._extractUntil(beginChars)) !== null; )
            if (tok += data, (this._matches(this.tags.BLOCK_START) || this._matches(this.tags.VARIABLE_START) || this._matches(this.tags.COMMENT_START)) && !inComment) {
              if (this.lstripBlocks && this._matches(this.tags.BLOCK_START) && this.colno > 0 && this.colno <= tok.length) {
                var lastLine = tok.slice(-this.colno);
                if (/^\s+$/.test(lastLine) && (tok = tok.slice(0, -this.colno), !tok.length))
                  return this.nextToken();
              }
              break;
            } else if (this._matches(this.tags.COMMENT_END)) {
              if (!inComment)
                throw new Error("unexpected end of comment");
              tok += this._extractString(this.tags.COMMENT_END);
              break;
            } else
              tok += this.current(), this.forward();
          if (data === null && inComment)
            throw new Error("expected end of comment, got end of file");
          return token(inComment ? TOKEN_COMMENT : TOKEN_DATA, tok, lineno, colno);
        }
      }, _proto._parseString = function(delimiter) {
        this.forward();
        for (var str = ""; !this.isFinished() && this.current() !== delimiter; ) {
          var cur = this.current();
          if (cur === "\\") {
            switch (this.forward(), this.current()) {
              case "n":
                str += `
`;
                break;
              case "t":
                str += "	";
                break;
              case "r":
                str += "\r";
                break;
              default:
                str += this.current();
            }
            this.forward();
          } else
            str += cur, this.forward();
        }
        return this.forward(), str;
      }, _proto._matches = function(str) {
        if (this.index + str.length > this.len)
          return null;
        var m = this.str.slice(this.index, this.index + str.length);
        return m === str;
      }, _proto._extractString = function(str) {
        return this._matches(str) ? (this.forwardN(str.length), str) : null;
      }, _proto._extractUntil = function(charString) {
        return this._extractMatching(!0, charString || "");
      }, _proto._extract = function(charString) {
        return this._extractMatching(!1, charString);
      }, _proto._extractMatching = function(breakOnMatch, charString) {
        if (this.isFinished())
          return null;
        var first = charString.indexOf(this.current());
        if (breakOnMatch && first === -1 || !breakOnMatch && first !== -1) {
          var t = this.current();
          this.forward();
          for (var idx = charString.indexOf(this.current()); (breakOnMatch && idx === -1 || !breakOnMatch && idx !== -1) && !this.isFinished(); )
            t += this.current(), this.forward(), idx = charString.indexOf(this.current());
          return t;
        }
        return "";
      }, _proto._extractRegex = function(regex) {
        var matches = this.currentStr().match(regex);
        return matches ? (this.forwardN(matches[0].length), matches) : null;
      }, _proto.isFinished = function() {
        return this.index >= this.len;
      }, _proto.forwardN = function(n) {
        for (var i = 0; i < n; i++)
          this.forward();
      }, _proto.forward = function() {
        this.index++, this.previous() === `
` ? (this.lineno++, this.colno = 0) : this.colno++;
      }, _proto.backN = function(n) {
        for (var i = 0; i < n; i++)
          this.back();
      }, _proto.back = function() {
        if (this.index--, this.current() === `
`) {
          this.lineno--;
          var idx = this.src.lastIndexOf(`
`, this.index - 1);
          idx === -1 ? this.colno = this.index : this.colno = this.index - idx;
        } else
          this.colno--;
      }, _proto.current = function() {
        return this.isFinished() ? "" : this.str.charAt(this.index);
      }, _proto.currentStr = function() {
        return this.isFinished() ? "" : this.str.substr(this.index);
      }, _proto.previous = function() {
        return this.str.charAt(this.index - 1);
      }, Tokenizer2;
    })();
    module2.exports = {
      lex: function(src, opts) {
        return new Tokenizer(src, opts);
      },
      TOKEN_STRING,
      TOKEN_WHITESPACE,
      TOKEN_DATA,
      TOKEN_BLOCK_START,
      TOKEN_BLOCK_END,
      TOKEN_VARIABLE_START,
      TOKEN_VARIABLE_END,
      TOKEN_COMMENT,
      TOKEN_LEFT_PAREN,
      TOKEN_RIGHT_PAREN,
      TOKEN_LEFT_BRACKET,
      TOKEN_RIGHT_BRACKET,
      TOKEN_LEFT_CURLY,
      TOKEN_RIGHT_CURLY,
      TOKEN_OPERATOR,
      TOKEN_COMMA,
      TOKEN_COLON,
      TOKEN_TILDE,
      TOKEN_PIPE,
      TOKEN_INT,
      TOKEN_FLOAT,
      TOKEN_BOOLEAN,
      TOKEN_NONE,
      TOKEN_SYMBOL,
      TOKEN_SPECIAL,
      TOKEN_REGEX
    };
  }
});

// node_modules/nunjucks/src/object.js
var require_object = __commonJS({
  "node_modules/nunjucks/src/object.js"(exports2, module2) {
    "use strict";
    function _defineProperties(target, props) {
      for (var i = 0; i < props.length; i++) {
        var descriptor = props[i];
        descriptor.enumerable = descriptor.enumerable || !1, descriptor.configurable = !0, "value" in descriptor && (descriptor.writable = !0), Object.defineProperty(target, _toPropertyKey(descriptor.key), descriptor);
      }
    }
    function _createClass(Constructor, protoProps, staticProps) {
      return protoProps && _defineProperties(Constructor.prototype, protoProps), staticProps && _defineProperties(Constructor, staticProps), Object.defineProperty(Constructor, "prototype", { writable: !1 }), Constructor;
    }
    function _toPropertyKey(arg) {
      var key = _toPrimitive(arg, "string");
      return typeof key == "symbol" ? key : String(key);
    }
    function _toPrimitive(input, hint) {
      if (typeof input != "object" || input === null) return input;
      var prim = input[Symbol.toPrimitive];
      if (prim !== void 0) {
        var res = prim.call(input, hint || "default");
        if (typeof res != "object") return res;
        throw new TypeError("@@toPrimitive must return a primitive value.");
      }
      return (hint === "string" ? String : Number)(input);
    }
    function _inheritsLoose(subClass, superClass) {
      subClass.prototype = Object.create(superClass.prototype), subClass.prototype.constructor = subClass, _setPrototypeOf(subClass, superClass);
    }
    function _setPrototypeOf(o, p) {
      return _setPrototypeOf = Object.setPrototypeOf ? Object.setPrototypeOf.bind() : function(o2, p2) {
        return o2.__proto__ = p2, o2;
      }, _setPrototypeOf(o, p);
    }
    var EventEmitter = require("events"), lib = require_lib();
    function parentWrap(parent, prop) {
      return typeof parent != "function" || typeof prop != "function" ? prop : function() {
        var tmp = this.parent;
        this.parent = parent;
        var res = prop.apply(this, arguments);
        return this.parent = tmp, res;
      };
    }
    function extendClass(cls, name, props) {
      props = props || {}, lib.keys(props).forEach(function(k) {
        props[k] = parentWrap(cls.prototype[k], props[k]);
      });
      var subclass = /* @__PURE__ */ (function(_cls) {
        _inheritsLoose(subclass2, _cls);
        function subclass2() {
          return _cls.apply(this, arguments) || this;
        }
        return _createClass(subclass2, [{
          key: "typename",
          get: function() {
            return name;
          }
        }]), subclass2;
      })(cls);
      return lib._assign(subclass.prototype, props), subclass;
    }
    var Obj = /* @__PURE__ */ (function() {
      function Obj2() {
        this.init.apply(this, arguments);
      }
      var _proto = Obj2.prototype;
      return _proto.init = function() {
      }, Obj2.extend = function(name, props) {
        return typeof name == "object" && (props = name, name = "anonymous"), extendClass(this, name, props);
      }, _createClass(Obj2, [{
        key: "typename",
        get: function() {
          return this.constructor.name;
        }
      }]), Obj2;
    })(), EmitterObj = /* @__PURE__ */ (function(_EventEmitter) {
      _inheritsLoose(EmitterObj2, _EventEmitter);
      function EmitterObj2() {
        var _this2, _this;
        return _this = _EventEmitter.call(this) || this, (_this2 = _this).init.apply(_this2, arguments), _this;
      }
      var _proto2 = EmitterObj2.prototype;
      return _proto2.init = function() {
      }, EmitterObj2.extend = function(name, props) {
        return typeof name == "object" && (props = name, name = "anonymous"), extendClass(this, name, props);
      }, _createClass(EmitterObj2, [{
        key: "typename",
        get: function() {
          return this.constructor.name;
        }
      }]), EmitterObj2;
    })(EventEmitter);
    module2.exports = {
      Obj,
      EmitterObj
    };
  }
});

// node_modules/nunjucks/src/nodes.js
var require_nodes = __commonJS({
  "node_modules/nunjucks/src/nodes.js"(exports2, module2) {
    "use strict";
    function _defineProperties(target, props) {
      for (var i = 0; i < props.length; i++) {
        var descriptor = props[i];
        descriptor.enumerable = descriptor.enumerable || !1, descriptor.configurable = !0, "value" in descriptor && (descriptor.writable = !0), Object.defineProperty(target, _toPropertyKey(descriptor.key), descriptor);
      }
    }
    function _createClass(Constructor, protoProps, staticProps) {
      return protoProps && _defineProperties(Constructor.prototype, protoProps), staticProps && _defineProperties(Constructor, staticProps), Object.defineProperty(Constructor, "prototype", { writable: !1 }), Constructor;
    }
    function _toPropertyKey(arg) {
      var key = _toPrimitive(arg, "string");
      return typeof key == "symbol" ? key : String(key);
    }
    function _toPrimitive(input, hint) {
      if (typeof input != "object" || input === null) return input;
      var prim = input[Symbol.toPrimitive];
      if (prim !== void 0) {
        var res = prim.call(input, hint || "default");
        if (typeof res != "object") return res;
        throw new TypeError("@@toPrimitive must return a primitive value.");
      }
      return (hint === "string" ? String : Number)(input);
    }
    function _inheritsLoose(subClass, superClass) {
      subClass.prototype = Object.create(superClass.prototype), subClass.prototype.constructor = subClass, _setPrototypeOf(subClass, superClass);
    }
    function _setPrototypeOf(o, p) {
      return _setPrototypeOf = Object.setPrototypeOf ? Object.setPrototypeOf.bind() : function(o2, p2) {
        return o2.__proto__ = p2, o2;
      }, _setPrototypeOf(o, p);
    }
    var _require = require_object(), Obj = _require.Obj;
    function traverseAndCheck(obj, type, results) {
      obj instanceof type && results.push(obj), obj instanceof Node && obj.findAll(type, results);
    }
    var Node = /* @__PURE__ */ (function(_Obj) {
      _inheritsLoose(Node2, _Obj);
      function Node2() {
        return _Obj.apply(this, arguments) || this;
      }
      var _proto = Node2.prototype;
      return _proto.init = function(lineno, colno) {
        for (var _arguments = arguments, _this = this, _len = arguments.length, args = new Array(_len > 2 ? _len - 2 : 0), _key = 2; _key < _len; _key++)
          args[_key - 2] = arguments[_key];
        this.lineno = lineno, this.colno = colno, this.fields.forEach(function(field, i) {
          var val = _arguments[i + 2];
          val === void 0 && (val = null), _this[field] = val;
        });
      }, _proto.findAll = function(type, results) {
        var _this2 = this;
        return results = results || [], this instanceof NodeList ? this.children.forEach(function(child) {
          return traverseAndCheck(child, type, results);
        }) : this.fields.forEach(function(field) {
          return traverseAndCheck(_this2[field], type, results);
        }), results;
      }, _proto.iterFields = function(func) {
        var _this3 = this;
        this.fields.forEach(function(field) {
          func(_this3[field], field);
        });
      }, Node2;
    })(Obj), Value = /* @__PURE__ */ (function(_Node) {
      _inheritsLoose(Value2, _Node);
      function Value2() {
        return _Node.apply(this, arguments) || this;
      }
      return _createClass(Value2, [{
        key: "typename",
        get: function() {
          return "Value";
        }
      }, {
        key: "fields",
        get: function() {
          return ["value"];
        }
      }]), Value2;
    })(Node), NodeList = /* @__PURE__ */ (function(_Node2) {
      _inheritsLoose(NodeList2, _Node2);
      function NodeList2() {
        return _Node2.apply(this, arguments) || this;
      }
      var _proto2 = NodeList2.prototype;
      return _proto2.init = function(lineno, colno, nodes) {
        _Node2.prototype.init.call(this, lineno, colno, nodes || []);
      }, _proto2.addChild = function(node) {
        this.children.push(node);
      }, _createClass(NodeList2, [{
        key: "typename",
        get: function() {
          return "NodeList";
        }
      }, {
        key: "fields",
        get: function() {
          return ["children"];
        }
      }]), NodeList2;
    })(Node), Root = NodeList.extend("Root"), Literal = Value.extend("Literal"), _Symbol = Value.extend("Symbol"), Group = NodeList.extend("Group"), ArrayNode = NodeList.extend("Array"), Pair = Node.extend("Pair", {
      fields: ["key", "value"]
    }), Dict = NodeList.extend("Dict"), LookupVal = Node.extend("LookupVal", {
      fields: ["target", "val"]
    }), If = Node.extend("If", {
      fields: ["cond", "body", "else_"]
    }), IfAsync = If.extend("IfAsync"), InlineIf = Node.extend("InlineIf", {
      fields: ["cond", "body", "else_"]
    }), For = Node.extend("For", {
      fields: ["arr", "name", "body", "else_"]
    }), AsyncEach = For.extend("AsyncEach"), AsyncAll = For.extend("AsyncAll"), Macro = Node.extend("Macro", {
      fields: ["name", "args", "body"]
    }), Caller = Macro.extend("Caller"), Import = Node.extend("Import", {
      fields: ["template", "target", "withContext"]
    }), FromImport = /* @__PURE__ */ (function(_Node3) {
      _inheritsLoose(FromImport2, _Node3);
      function FromImport2() {
        return _Node3.apply(this, arguments) || this;
      }
      var _proto3 = FromImport2.prototype;
      return _proto3.init = function(lineno, colno, template, names, withContext) {
        _Node3.prototype.init.call(this, lineno, colno, template, names || new NodeList(), withContext);
      }, _createClass(FromImport2, [{
        key: "typename",
        get: function() {
          return "FromImport";
        }
      }, {
        key: "fields",
        get: function() {
          return ["template", "names", "withContext"];
        }
      }]), FromImport2;
    })(Node), FunCall = Node.extend("FunCall", {
      fields: ["name", "args"]
    }), Filter = FunCall.extend("Filter"), FilterAsync = Filter.extend("FilterAsync", {
      fields: ["name", "args", "symbol"]
    }), KeywordArgs = Dict.extend("KeywordArgs"), Block = Node.extend("Block", {
      fields: ["name", "body"]
    }), Super = Node.extend("Super", {
      fields: ["blockName", "symbol"]
    }), TemplateRef = Node.extend("TemplateRef", {
      fields: ["template"]
    }), Extends = TemplateRef.extend("Extends"), Include = Node.extend("Include", {
      fields: ["template", "ignoreMissing"]
    }), Set2 = Node.extend("Set", {
      fields: ["targets", "value"]
    }), Switch = Node.extend("Switch", {
      fields: ["expr", "cases", "default"]
    }), Case = Node.extend("Case", {
      fields: ["cond", "body"]
    }), Output = NodeList.extend("Output"), Capture = Node.extend("Capture", {
      fields: ["body"]
    }), TemplateData = Literal.extend("TemplateData"), UnaryOp = Node.extend("UnaryOp", {
      fields: ["target"]
    }), BinOp = Node.extend("BinOp", {
      fields: ["left", "right"]
    }), In = BinOp.extend("In"), Is = BinOp.extend("Is"), Or = BinOp.extend("Or"), And = BinOp.extend("And"), Not = UnaryOp.extend("Not"), Add = BinOp.extend("Add"), Concat = BinOp.extend("Concat"), Sub = BinOp.extend("Sub"), Mul = BinOp.extend("Mul"), Div = BinOp.extend("Div"), FloorDiv = BinOp.extend("FloorDiv"), Mod = BinOp.extend("Mod"), Pow = BinOp.extend("Pow"), Neg = UnaryOp.extend("Neg"), Pos = UnaryOp.extend("Pos"), Compare = Node.extend("Compare", {
      fields: ["expr", "ops"]
    }), CompareOperand = Node.extend("CompareOperand", {
      fields: ["expr", "type"]
    }), CallExtension = Node.extend("CallExtension", {
      init: function(ext, prop, args, contentArgs) {
        this.parent(), this.extName = ext.__name || ext, this.prop = prop, this.args = args || new NodeList(), this.contentArgs = contentArgs || [], this.autoescape = ext.autoescape;
      },
      fields: ["extName", "prop", "args", "contentArgs"]
    }), CallExtensionAsync = CallExtension.extend("CallExtensionAsync");
    function print(str, indent, inline) {
      var lines = str.split(`
`);
      lines.forEach(function(line, i) {
        line && (inline && i > 0 || !inline) && process.stdout.write(" ".repeat(indent));
        var nl = i === lines.length - 1 ? "" : `
`;
        process.stdout.write("" + line + nl);
      });
    }
    function printNodes(node, indent) {
      if (indent = indent || 0, print(node.typename + ": ", indent), node instanceof NodeList)
        print(`
`), node.children.forEach(function(n) {
          printNodes(n, indent + 2);
        });
      else if (node instanceof CallExtension)
        print(node.extName + "." + node.prop + `
`), node.args && printNodes(node.args, indent + 2), node.contentArgs && node.contentArgs.forEach(function(n) {
          printNodes(n, indent + 2);
        });
      else {
        var nodes = [], props = null;
        node.iterFields(function(val, fieldName) {
          val instanceof Node ? nodes.push([fieldName, val]) : (props = props || {}, props[fieldName] = val);
        }), props ? print(JSON.stringify(props, null, 2) + `
`, null, !0) : print(`
`), nodes.forEach(function(_ref) {
          var fieldName = _ref[0], n = _ref[1];
          print("[" + fieldName + "] =>", indent + 2), printNodes(n, indent + 4);
        });
      }
    }
    module2.exports = {
      Node,
      Root,
      NodeList,
      Value,
      Literal,
      Symbol: _Symbol,
      Group,
      Array: ArrayNode,
      Pair,
      Dict,
      Output,
      Capture,
      TemplateData,
      If,
      IfAsync,
      InlineIf,
      For,
      AsyncEach,
      AsyncAll,
      Macro,
      Caller,
      Import,
      FromImport,
      FunCall,
      Filter,
      FilterAsync,
      KeywordArgs,
      Block,
      Super,
      Extends,
      Include,
      Set: Set2,
      Switch,
      Case,
      LookupVal,
      BinOp,
      In,
      Is,
      Or,
      And,
      Not,
      Add,
      Concat,
      Sub,
      Mul,
      Div,
      FloorDiv,
      Mod,
      Pow,
      Neg,
      Pos,
      Compare,
      CompareOperand,
      CallExtension,
      CallExtensionAsync,
      printNodes
    };
  }
});

// node_modules/nunjucks/src/parser.js
var require_parser = __commonJS({
  "node_modules/nunjucks/src/parser.js"(exports2, module2) {
    "use strict";
    function _inheritsLoose(subClass, superClass) {
      subClass.prototype = Object.create(superClass.prototype), subClass.prototype.constructor = subClass, _setPrototypeOf(subClass, superClass);
    }
    function _setPrototypeOf(o, p) {
      return _setPrototypeOf = Object.setPrototypeOf ? Object.setPrototypeOf.bind() : function(o2, p2) {
        return o2.__proto__ = p2, o2;
      }, _setPrototypeOf(o, p);
    }
    var lexer = require_lexer(), nodes = require_nodes(), Obj = require_object().Obj, lib = require_lib(), Parser = /* @__PURE__ */ (function(_Obj) {
      _inheritsLoose(Parser2, _Obj);
      function Parser2() {
        return _Obj.apply(this, arguments) || this;
      }
      var _proto = Parser2.prototype;
      return _proto.init = function(tokens) {
        this.tokens = tokens, this.peeked = null, this.breakOnBlocks = null, this.dropLeadingWhitespace = !1, this.extensions = [];
      }, _proto.nextToken = function(withWhitespace) {
        var tok;
        if (this.peeked)
          if (!withWhitespace && this.peeked.type === lexer.TOKEN_WHITESPACE)
            this.peeked = null;
          else
            return tok = this.peeked, this.peeked = null, tok;
        if (tok = this.tokens.nextToken(), !withWhitespace)
          for (; tok && tok.type === lexer.TOKEN_WHITESPACE; )
            tok = this.tokens.nextToken();
        return tok;
      }, _proto.peekToken = function() {
        return this.peeked = this.peeked || this.nextToken(), this.peeked;
      }, _proto.pushToken = function(tok) {
        if (this.peeked)
          throw new Error("pushToken: can only push one token on between reads");
        this.peeked = tok;
      }, _proto.error = function(msg, lineno, colno) {
        if (lineno === void 0 || colno === void 0) {
          var tok = this.peekToken() || {};
          lineno = tok.lineno, colno = tok.colno;
        }
        return lineno !== void 0 && (lineno += 1), colno !== void 0 && (colno += 1), new lib.TemplateError(msg, lineno, colno);
      }, _proto.fail = function(msg, lineno, colno) {
        throw this.error(msg, lineno, colno);
      }, _proto.skip = function(type) {
        var tok = this.nextToken();
        return !tok || tok.type !== type ? (this.pushToken(tok), !1) : !0;
      }, _proto.expect = function(type) {
        var tok = this.nextToken();
        return tok.type !== type && this.fail("expected " + type + ", got " + tok.type, tok.lineno, tok.colno), tok;
      }, _proto.skipValue = function(type, val) {
        var tok = this.nextToken();
        return !tok || tok.type !== type || tok.value !== val ? (this.pushToken(tok), !1) : !0;
      }, _proto.skipSymbol = function(val) {
        return this.skipValue(lexer.TOKEN_SYMBOL, val);
      }, _proto.advanceAfterBlockEnd = function(name) {
        var tok;
        return name || (tok = this.peekToken(), tok || this.fail("unexpected end of file"), tok.type !== lexer.TOKEN_SYMBOL && this.fail("advanceAfterBlockEnd: expected symbol token or explicit name to be passed"), name = this.nextToken().value), tok = this.nextToken(), tok && tok.type === lexer.TOKEN_BLOCK_END ? tok.value.charAt(0) === "-" && (this.dropLeadingWhitespace = !0) : this.fail("expected block end in " + name + " statement"), tok;
      }, _proto.advanceAfterVariableEnd = function() {
        var tok = this.nextToken();
        tok && tok.type === lexer.TOKEN_VARIABLE_END ? this.dropLeadingWhitespace = tok.value.charAt(tok.value.length - this.tokens.tags.VARIABLE_END.length - 1) === "-" : (this.pushToken(tok), this.fail("expected variable end"));
      }, _proto.parseFor = function() {
        var forTok = this.peekToken(), node, endBlock;
        this.skipSymbol("for") ? (node = new nodes.For(forTok.lineno, forTok.colno), endBlock = "endfor") : this.skipSymbol("asyncEach") ? (node = new nodes.AsyncEach(forTok.lineno, forTok.colno), endBlock = "endeach") : this.skipSymbol("asyncAll") ? (node = new nodes.AsyncAll(forTok.lineno, forTok.colno), endBlock = "endall") : this.fail("parseFor: expected for{Async}", forTok.lineno, forTok.colno), node.name = this.parsePrimary(), node.name instanceof nodes.Symbol || this.fail("parseFor: variable name expected for loop");
        var type = this.peekToken().type;
        if (type === lexer.TOKEN_COMMA) {
          var key = node.name;
          for (node.name = new nodes.Array(key.lineno, key.colno), node.name.addChild(key); this.skip(lexer.TOKEN_COMMA); ) {
            var prim = this.parsePrimary();
            node.name.addChild(prim);
          }
        }
        return this.skipSymbol("in") || this.fail('parseFor: expected "in" keyword for loop', forTok.lineno, forTok.colno), node.arr = this.parseExpression(), this.advanceAfterBlockEnd(forTok.value), node.body = this.parseUntilBlocks(endBlock, "else"), this.skipSymbol("else") && (this.advanceAfterBlockEnd("else"), node.else_ = this.parseUntilBlocks(endBlock)), this.advanceAfterBlockEnd(), node;
      }, _proto.parseMacro = function() {
        var macroTok = this.peekToken();
        this.skipSymbol("macro") || this.fail("expected macro");
        var name = this.parsePrimary(!0), args = this.parseSignature(), node = new nodes.Macro(macroTok.lineno, macroTok.colno, name, args);
        return this.advanceAfterBlockEnd(macroTok.value), node.body = this.parseUntilBlocks("endmacro"), this.advanceAfterBlockEnd(), node;
      }, _proto.parseCall = function() {
        var callTok = this.peekToken();
        this.skipSymbol("call") || this.fail("expected call");
        var callerArgs = this.parseSignature(!0) || new nodes.NodeList(), macroCall = this.parsePrimary();
        this.advanceAfterBlockEnd(callTok.value);
        var body = this.parseUntilBlocks("endcall");
        this.advanceAfterBlockEnd();
        var callerName = new nodes.Symbol(callTok.lineno, callTok.colno, "caller"), callerNode = new nodes.Caller(callTok.lineno, callTok.colno, callerName, callerArgs, body), args = macroCall.args.children;
        args[args.length - 1] instanceof nodes.KeywordArgs || args.push(new nodes.KeywordArgs());
        var kwargs = args[args.length - 1];
        return kwargs.addChild(new nodes.Pair(callTok.lineno, callTok.colno, callerName, callerNode)), new nodes.Output(callTok.lineno, callTok.colno, [macroCall]);
      }, _proto.parseWithContext = function() {
        var tok = this.peekToken(), withContext = null;
        return this.skipSymbol("with") ? withContext = !0 : this.skipSymbol("without") && (withContext = !1), withContext !== null && (this.skipSymbol("context") || this.fail("parseFrom: expected context after with/without", tok.lineno, tok.colno)), withContext;
      }, _proto.parseImport = function() {
        var importTok = this.peekToken();
        this.skipSymbol("import") || this.fail("parseImport: expected import", importTok.lineno, importTok.colno);
        var template = this.parseExpression();
        this.skipSymbol("as") || this.fail('parseImport: expected "as" keyword', importTok.lineno, importTok.colno);
        var target = this.parseExpression(), withContext = this.parseWithContext(), node = new nodes.Import(importTok.lineno, importTok.colno, template, target, withContext);
        return this.advanceAfterBlockEnd(importTok.value), node;
      }, _proto.parseFrom = function() {
        var fromTok = this.peekToken();
        this.skipSymbol("from") || this.fail("parseFrom: expected from");
        var template = this.parseExpression();
        this.skipSymbol("import") || this.fail("parseFrom: expected import", fromTok.lineno, fromTok.colno);
        for (var names = new nodes.NodeList(), withContext; ; ) {
          var nextTok = this.peekToken();
          if (nextTok.type === lexer.TOKEN_BLOCK_END) {
            names.children.length || this.fail("parseFrom: Expected at least one import name", fromTok.lineno, fromTok.colno), nextTok.value.charAt(0) === "-" && (this.dropLeadingWhitespace = !0), this.nextToken();
            break;
          }
          names.children.length > 0 && !this.skip(lexer.TOKEN_COMMA) && this.fail("parseFrom: expected comma", fromTok.lineno, fromTok.colno);
          var name = this.parsePrimary();
          if (name.value.charAt(0) === "_" && this.fail("parseFrom: names starting with an underscore cannot be imported", name.lineno, name.colno), this.skipSymbol("as")) {
            var alias = this.parsePrimary();
            names.addChild(new nodes.Pair(name.lineno, name.colno, name, alias));
          } else
            names.addChild(name);
          withContext = this.parseWithContext();
        }
        return new nodes.FromImport(fromTok.lineno, fromTok.colno, template, names, withContext);
      }, _proto.parseBlock = function() {
        var tag = this.peekToken();
        this.skipSymbol("block") || this.fail("parseBlock: expected block", tag.lineno, tag.colno);
        var node = new nodes.Block(tag.lineno, tag.colno);
        node.name = this.parsePrimary(), node.name instanceof nodes.Symbol || this.fail("parseBlock: variable name expected", tag.lineno, tag.colno), this.advanceAfterBlockEnd(tag.value), node.body = this.parseUntilBlocks("endblock"), this.skipSymbol("endblock"), this.skipSymbol(node.name.value);
        var tok = this.peekToken();
        return tok || this.fail("parseBlock: expected endblock, got end of file"), this.advanceAfterBlockEnd(tok.value), node;
      }, _proto.parseExtends = function() {
        var tagName = "extends", tag = this.peekToken();
        this.skipSymbol(tagName) || this.fail("parseTemplateRef: expected " + tagName);
        var node = new nodes.Extends(tag.lineno, tag.colno);
        return node.template = this.parseExpression(), this.advanceAfterBlockEnd(tag.value), node;
      }, _proto.parseInclude = function() {
        var tagName = "include", tag = this.peekToken();
        this.skipSymbol(tagName) || this.fail("parseInclude: expected " + tagName);
        var node = new nodes.Include(tag.lineno, tag.colno);
        return node.template = this.parseExpression(), this.skipSymbol("ignore") && this.skipSymbol("missing") && (node.ignoreMissing = !0), this.advanceAfterBlockEnd(tag.value), node;
      }, _proto.parseIf = function() {
        var tag = this.peekToken(), node;
        this.skipSymbol("if") || this.skipSymbol("elif") || this.skipSymbol("elseif") ? node = new nodes.If(tag.lineno, tag.colno) : this.skipSymbol("ifAsync") ? node = new nodes.IfAsync(tag.lineno, tag.colno) : this.fail("parseIf: expected if, elif, or elseif", tag.lineno, tag.colno), node.cond = this.parseExpression(), this.advanceAfterBlockEnd(tag.value), node.body = this.parseUntilBlocks("elif", "elseif", "else", "endif");
        var tok = this.peekToken();
        switch (tok && tok.value) {
          case "elseif":
          case "elif":
            node.else_ = this.parseIf();
            break;
          case "else":
            this.advanceAfterBlockEnd(), node.else_ = this.parseUntilBlocks("endif"), this.advanceAfterBlockEnd();
            break;
          case "endif":
            node.else_ = null, this.advanceAfterBlockEnd();
            break;
          default:
            this.fail("parseIf: expected elif, else, or endif, got end of file");
        }
        return node;
      }, _proto.parseSet = function() {
        var tag = this.peekToken();
        this.skipSymbol("set") || this.fail("parseSet: expected set", tag.lineno, tag.colno);
        for (var node = new nodes.Set(tag.lineno, tag.colno, []), target; (target = this.parsePrimary()) && (node.targets.push(target), !!this.skip(lexer.TOKEN_COMMA)); )
          ;
        return this.skipValue(lexer.TOKEN_OPERATOR, "=") ? (node.value = this.parseExpression(), this.advanceAfterBlockEnd(tag.value)) : this.skip(lexer.TOKEN_BLOCK_END) ? (node.body = new nodes.Capture(tag.lineno, tag.colno, this.parseUntilBlocks("endset")), node.value = null, this.advanceAfterBlockEnd()) : this.fail("parseSet: expected = or block end in set tag", tag.lineno, tag.colno), node;
      }, _proto.parseSwitch = function() {
        var switchStart = "switch", switchEnd = "endswitch", caseStart = "case", caseDefault = "default", tag = this.peekToken();
        !this.skipSymbol(switchStart) && !this.skipSymbol(caseStart) && !this.skipSymbol(caseDefault) && this.fail('parseSwitch: expected "switch," "case" or "default"', tag.lineno, tag.colno);
        var expr = this.parseExpression();
        this.advanceAfterBlockEnd(switchStart), this.parseUntilBlocks(caseStart, caseDefault, switchEnd);
        var tok = this.peekToken(), cases = [], defaultCase;
        do {
          this.skipSymbol(caseStart);
          var cond = this.parseExpression();
          this.advanceAfterBlockEnd(switchStart);
          var body = this.parseUntilBlocks(caseStart, caseDefault, switchEnd);
          cases.push(new nodes.Case(tok.line, tok.col, cond, body)), tok = this.peekToken();
        } while (tok && tok.value === caseStart);
        switch (tok.value) {
          case caseDefault:
            this.advanceAfterBlockEnd(), defaultCase = this.parseUntilBlocks(switchEnd), this.advanceAfterBlockEnd();
            break;
          case switchEnd:
            this.advanceAfterBlockEnd();
            break;
          default:
            this.fail('parseSwitch: expected "case," "default" or "endswitch," got EOF.');
        }
        return new nodes.Switch(tag.lineno, tag.colno, expr, cases, defaultCase);
      }, _proto.parseStatement = function() {
        var tok = this.peekToken(), node;
        if (tok.type !== lexer.TOKEN_SYMBOL && this.fail("tag name expected", tok.lineno, tok.colno), this.breakOnBlocks && lib.indexOf(this.breakOnBlocks, tok.value) !== -1)
          return null;
        switch (tok.value) {
          case "raw":
            return this.parseRaw();
          case "verbatim":
            return this.parseRaw("verbatim");
          case "if":
          case "ifAsync":
            return this.parseIf();
          case "for":
          case "asyncEach":
          case "asyncAll":
            return this.parseFor();
          case "block":
            return this.parseBlock();
          case "extends":
            return this.parseExtends();
          case "include":
            return this.parseInclude();
          case "set":
            return this.parseSet();
          case "macro":
            return this.parseMacro();
          case "call":
            return this.parseCall();
          case "import":
            return this.parseImport();
          case "from":
            return this.parseFrom();
          case "filter":
            return this.parseFilterStatement();
          case "switch":
            return this.parseSwitch();
          default:
            if (this.extensions.length)
              for (var i = 0; i < this.extensions.length; i++) {
                var ext = this.extensions[i];
                if (lib.indexOf(ext.tags || [], tok.value) !== -1)
                  return ext.parse(this, nodes, lexer);
              }
            this.fail("unknown block tag: " + tok.value, tok.lineno, tok.colno);
        }
        return node;
      }, _proto.parseRaw = function(tagName) {
        tagName = tagName || "raw";
        for (var endTagName = "end" + tagName, rawBlockRegex = new RegExp("([\\s\\S]*?){%\\s*(" + tagName + "|" + endTagName + ")\\s*(?=%})%}"), rawLevel = 1, str = "", matches = null, begun = this.advanceAfterBlockEnd(); (matches = this.tokens._extractRegex(rawBlockRegex)) && rawLevel > 0; ) {
          var all = matches[0], pre = matches[1], blockName = matches[2];
          blockName === tagName ? rawLevel += 1 : blockName === endTagName && (rawLevel -= 1), rawLevel === 0 ? (str += pre, this.tokens.backN(all.length - pre.length)) : str += all;
        }
        return new nodes.Output(begun.lineno, begun.colno, [new nodes.TemplateData(begun.lineno, begun.colno, str)]);
      }, _proto.parsePostfix = function(node) {
        for (var lookup, tok = this.peekToken(); tok; ) {
          if (tok.type === lexer.TOKEN_LEFT_PAREN)
            node = new nodes.FunCall(tok.lineno, tok.colno, node, this.parseSignature());
          else if (tok.type === lexer.TOKEN_LEFT_BRACKET)
            lookup = this.parseAggregate(), lookup.children.length > 1 && this.fail("invalid index"), node = new nodes.LookupVal(tok.lineno, tok.colno, node, lookup.children[0]);
          else if (tok.type === lexer.TOKEN_OPERATOR && tok.value === ".") {
            this.nextToken();
            var val = this.nextToken();
            val.type !== lexer.TOKEN_SYMBOL && this.fail("expected name as lookup value, got " + val.value, val.lineno, val.colno), lookup = new nodes.Literal(val.lineno, val.colno, val.value), node = new nodes.LookupVal(tok.lineno, tok.colno, node, lookup);
          } else
            break;
          tok = this.peekToken();
        }
        return node;
      }, _proto.parseExpression = function() {
        var node = this.parseInlineIf();
        return node;
      }, _proto.parseInlineIf = function() {
        var node = this.parseOr();
        if (this.skipSymbol("if")) {
          var condNode = this.parseOr(), bodyNode = node;
          node = new nodes.InlineIf(node.lineno, node.colno), node.body = bodyNode, node.cond = condNode, this.skipSymbol("else") ? node.else_ = this.parseOr() : node.else_ = null;
        }
        return node;
      }, _proto.parseOr = function() {
        for (var node = this.parseAnd(); this.skipSymbol("or"); ) {
          var node2 = this.parseAnd();
          node = new nodes.Or(node.lineno, node.colno, node, node2);
        }
        return node;
      }, _proto.parseAnd = function() {
        for (var node = this.parseNot(); this.skipSymbol("and"); ) {
          var node2 = this.parseNot();
          node = new nodes.And(node.lineno, node.colno, node, node2);
        }
        return node;
      }, _proto.parseNot = function() {
        var tok = this.peekToken();
        return this.skipSymbol("not") ? new nodes.Not(tok.lineno, tok.colno, this.parseNot()) : this.parseIn();
      }, _proto.parseIn = function() {
        for (var node = this.parseIs(); ; ) {
          var tok = this.nextToken();
          if (!tok)
            break;
          var invert = tok.type === lexer.TOKEN_SYMBOL && tok.value === "not";
          if (invert || this.pushToken(tok), this.skipSymbol("in")) {
            var node2 = this.parseIs();
            node = new nodes.In(node.lineno, node.colno, node, node2), invert && (node = new nodes.Not(node.lineno, node.colno, node));
          } else {
            invert && this.pushToken(tok);
            break;
          }
        }
        return node;
      }, _proto.parseIs = function() {
        var node = this.parseCompare();
        if (this.skipSymbol("is")) {
          var not = this.skipSymbol("not"), node2 = this.parseCompare();
          node = new nodes.Is(node.lineno, node.colno, node, node2), not && (node = new nodes.Not(node.lineno, node.colno, node));
        }
        return node;
      }, _proto.parseCompare = function() {
        for (var compareOps = ["==", "===", "!=", "!==", "<", ">", "<=", ">="], expr = this.parseConcat(), ops = []; ; ) {
          var tok = this.nextToken();
          if (tok)
            if (compareOps.indexOf(tok.value) !== -1)
              ops.push(new nodes.CompareOperand(tok.lineno, tok.colno, this.parseConcat(), tok.value));
            else {
              this.pushToken(tok);
              break;
            }
          else break;
        }
        return ops.length ? new nodes.Compare(ops[0].lineno, ops[0].colno, expr, ops) : expr;
      }, _proto.parseConcat = function() {
        for (var node = this.parseAdd(); this.skipValue(lexer.TOKEN_TILDE, "~"); ) {
          var node2 = this.parseAdd();
          node = new nodes.Concat(node.lineno, node.colno, node, node2);
        }
        return node;
      }, _proto.parseAdd = function() {
        for (var node = this.parseSub(); this.skipValue(lexer.TOKEN_OPERATOR, "+"); ) {
          var node2 = this.parseSub();
          node = new nodes.Add(node.lineno, node.colno, node, node2);
        }
        return node;
      }, _proto.parseSub = function() {
        for (var node = this.parseMul(); this.skipValue(lexer.TOKEN_OPERATOR, "-"); ) {
          var node2 = this.parseMul();
          node = new nodes.Sub(node.lineno, node.colno, node, node2);
        }
        return node;
      }, _proto.parseMul = function() {
        for (var node = this.parseDiv(); this.skipValue(lexer.TOKEN_OPERATOR, "*"); ) {
          var node2 = this.parseDiv();
          node = new nodes.Mul(node.lineno, node.colno, node, node2);
        }
        return node;
      }, _proto.parseDiv = function() {
        for (var node = this.parseFloorDiv(); this.skipValue(lexer.TOKEN_OPERATOR, "/"); ) {
          var node2 = this.parseFloorDiv();
          node = new nodes.Div(node.lineno, node.colno, node, node2);
        }
        return node;
      }, _proto.parseFloorDiv = function() {
        for (var node = this.parseMod(); this.skipValue(lexer.TOKEN_OPERATOR, "//"); ) {
          var node2 = this.parseMod();
          node = new nodes.FloorDiv(node.lineno, node.colno, node, node2);
        }
        return node;
      }, _proto.parseMod = function() {
        for (var node = this.parsePow(); this.skipValue(lexer.TOKEN_OPERATOR, "%"); ) {
          var node2 = this.parsePow();
          node = new nodes.Mod(node.lineno, node.colno, node, node2);
        }
        return node;
      }, _proto.parsePow = function() {
        for (var node = this.parseUnary(); this.skipValue(lexer.TOKEN_OPERATOR, "**"); ) {
          var node2 = this.parseUnary();
          node = new nodes.Pow(node.lineno, node.colno, node, node2);
        }
        return node;
      }, _proto.parseUnary = function(noFilters) {
        var tok = this.peekToken(), node;
        return this.skipValue(lexer.TOKEN_OPERATOR, "-") ? node = new nodes.Neg(tok.lineno, tok.colno, this.parseUnary(!0)) : this.skipValue(lexer.TOKEN_OPERATOR, "+") ? node = new nodes.Pos(tok.lineno, tok.colno, this.parseUnary(!0)) : node = this.parsePrimary(), noFilters || (node = this.parseFilter(node)), node;
      }, _proto.parsePrimary = function(noPostfix) {
        var tok = this.nextToken(), val, node = null;
        if (tok ? tok.type === lexer.TOKEN_STRING ? val = tok.value : tok.type === lexer.TOKEN_INT ? val = parseInt(tok.value, 10) : tok.type === lexer.TOKEN_FLOAT ? val = parseFloat(tok.value) : tok.type === lexer.TOKEN_BOOLEAN ? tok.value === "true" ? val = !0 : tok.value === "false" ? val = !1 : this.fail("invalid boolean: " + tok.value, tok.lineno, tok.colno) : tok.type === lexer.TOKEN_NONE ? val = null : tok.type === lexer.TOKEN_REGEX && (val = new RegExp(tok.value.body, tok.value.flags)) : this.fail("expected expression, got end of file"), val !== void 0 ? node = new nodes.Literal(tok.lineno, tok.colno, val) : tok.type === lexer.TOKEN_SYMBOL ? node = new nodes.Symbol(tok.lineno, tok.colno, tok.value) : (this.pushToken(tok), node = this.parseAggregate()), noPostfix || (node = this.parsePostfix(node)), node)
          return node;
        throw this.error("unexpected token: " + tok.value, tok.lineno, tok.colno);
      }, _proto.parseFilterName = function() {
        for (var tok = this.expect(lexer.TOKEN_SYMBOL), name = tok.value; this.skipValue(lexer.TOKEN_OPERATOR, "."); )
          name += "." + this.expect(lexer.TOKEN_SYMBOL).value;
        return new nodes.Symbol(tok.lineno, tok.colno, name);
      }, _proto.parseFilterArgs = function(node) {
        if (this.peekToken().type === lexer.TOKEN_LEFT_PAREN) {
          var call = this.parsePostfix(node);
          return call.args.children;
        }
        return [];
      }, _proto.parseFilter = function(node) {
        for (; this.skip(lexer.TOKEN_PIPE); ) {
          var name = this.parseFilterName();
          node = new nodes.Filter(name.lineno, name.colno, name, new nodes.NodeList(name.lineno, name.colno, [node].concat(this.parseFilterArgs(node))));
        }
        return node;
      }, _proto.parseFilterStatement = function() {
        var filterTok = this.peekToken();
        this.skipSymbol("filter") || this.fail("parseFilterStatement: expected filter");
        var name = this.parseFilterName(), args = this.parseFilterArgs(name);
        this.advanceAfterBlockEnd(filterTok.value);
        var body = new nodes.Capture(name.lineno, name.colno, this.parseUntilBlocks("endfilter"));
        this.advanceAfterBlockEnd();
        var node = new nodes.Filter(name.lineno, name.colno, name, new nodes.NodeList(name.lineno, name.colno, [body].concat(args)));
        return new nodes.Output(name.lineno, name.colno, [node]);
      }, _proto.parseAggregate = function() {
        var tok = this.nextToken(), node;
        switch (tok.type) {
          case lexer.TOKEN_LEFT_PAREN:
            node = new nodes.Group(tok.lineno, tok.colno);
            break;
          case lexer.TOKEN_LEFT_BRACKET:
            node = new nodes.Array(tok.lineno, tok.colno);
            break;
          case lexer.TOKEN_LEFT_CURLY:
            node = new nodes.Dict(tok.lineno, tok.colno);
            break;
          default:
            return null;
        }
        for (; ; ) {
          var type = this.peekToken().type;
          if (type === lexer.TOKEN_RIGHT_PAREN || type === lexer.TOKEN_RIGHT_BRACKET || type === lexer.TOKEN_RIGHT_CURLY) {
            this.nextToken();
            break;
          }
          if (node.children.length > 0 && (this.skip(lexer.TOKEN_COMMA) || this.fail("parseAggregate: expected comma after expression", tok.lineno, tok.colno)), node instanceof nodes.Dict) {
            var key = this.parsePrimary();
            this.skip(lexer.TOKEN_COLON) || this.fail("parseAggregate: expected colon after dict key", tok.lineno, tok.colno);
            var value = this.parseExpression();
            node.addChild(new nodes.Pair(key.lineno, key.colno, key, value));
          } else {
            var expr = this.parseExpression();
            node.addChild(expr);
          }
        }
        return node;
      }, _proto.parseSignature = function(tolerant, noParens) {
        var tok = this.peekToken();
        if (!noParens && tok.type !== lexer.TOKEN_LEFT_PAREN) {
          if (tolerant)
            return null;
          this.fail("expected arguments", tok.lineno, tok.colno);
        }
        tok.type === lexer.TOKEN_LEFT_PAREN && (tok = this.nextToken());
        for (var args = new nodes.NodeList(tok.lineno, tok.colno), kwargs = new nodes.KeywordArgs(tok.lineno, tok.colno), checkComma = !1; ; ) {
          if (tok = this.peekToken(), !noParens && tok.type === lexer.TOKEN_RIGHT_PAREN) {
            this.nextToken();
            break;
          } else if (noParens && tok.type === lexer.TOKEN_BLOCK_END)
            break;
          if (checkComma && !this.skip(lexer.TOKEN_COMMA))
            this.fail("parseSignature: expected comma after expression", tok.lineno, tok.colno);
          else {
            var arg = this.parseExpression();
            this.skipValue(lexer.TOKEN_OPERATOR, "=") ? kwargs.addChild(new nodes.Pair(arg.lineno, arg.colno, arg, this.parseExpression())) : args.addChild(arg);
          }
          checkComma = !0;
        }
        return kwargs.children.length && args.addChild(kwargs), args;
      }, _proto.parseUntilBlocks = function() {
        for (var prev = this.breakOnBlocks, _len = arguments.length, blockNames = new Array(_len), _key = 0; _key < _len; _key++)
          blockNames[_key] = arguments[_key];
        this.breakOnBlocks = blockNames;
        var ret = this.parse();
        return this.breakOnBlocks = prev, ret;
      }, _proto.parseNodes = function() {
        for (var tok, buf = []; tok = this.nextToken(); )
          if (tok.type === lexer.TOKEN_DATA) {
            var data = tok.value, nextToken = this.peekToken(), nextVal = nextToken && nextToken.value;
            this.dropLeadingWhitespace && (data = data.replace(/^\s*/, ""), this.dropLeadingWhitespace = !1), nextToken && (nextToken.type === lexer.TOKEN_BLOCK_START && nextVal.charAt(nextVal.length - 1) === "-" || nextToken.type === lexer.TOKEN_VARIABLE_START && nextVal.charAt(this.tokens.tags.VARIABLE_START.length) === "-" || nextToken.type === lexer.TOKEN_COMMENT && nextVal.charAt(this.tokens.tags.COMMENT_START.length) === "-") && (data = data.replace(/\s*$/, "")), buf.push(new nodes.Output(tok.lineno, tok.colno, [new nodes.TemplateData(tok.lineno, tok.colno, data)]));
          } else if (tok.type === lexer.TOKEN_BLOCK_START) {
            this.dropLeadingWhitespace = !1;
            var n = this.parseStatement();
            if (!n)
              break;
            buf.push(n);
          } else if (tok.type === lexer.TOKEN_VARIABLE_START) {
            var e = this.parseExpression();
            this.dropLeadingWhitespace = !1, this.advanceAfterVariableEnd(), buf.push(new nodes.Output(tok.lineno, tok.colno, [e]));
          } else tok.type === lexer.TOKEN_COMMENT ? this.dropLeadingWhitespace = tok.value.charAt(tok.value.length - this.tokens.tags.COMMENT_END.length - 1) === "-" : this.fail("Unexpected token at top-level: " + tok.type, tok.lineno, tok.colno);
        return buf;
      }, _proto.parse = function() {
        return new nodes.NodeList(0, 0, this.parseNodes());
      }, _proto.parseAsRoot = function() {
        return new nodes.Root(0, 0, this.parseNodes());
      }, Parser2;
    })(Obj);
    module2.exports = {
      parse: function(src, extensions, opts) {
        var p = new Parser(lexer.lex(src, opts));
        return extensions !== void 0 && (p.extensions = extensions), p.parseAsRoot();
      },
      Parser
    };
  }
});

// node_modules/nunjucks/src/transformer.js
var require_transformer = __commonJS({
  "node_modules/nunjucks/src/transformer.js"(exports2, module2) {
    "use strict";
    var nodes = require_nodes(), lib = require_lib(), sym = 0;
    function gensym() {
      return "hole_" + sym++;
    }
    function mapCOW(arr, func) {
      for (var res = null, i = 0; i < arr.length; i++) {
        var item = func(arr[i]);
        item !== arr[i] && (res || (res = arr.slice()), res[i] = item);
      }
      return res || arr;
    }
    function walk(ast, func, depthFirst) {
      if (!(ast instanceof nodes.Node))
        return ast;
      if (!depthFirst) {
        var astT = func(ast);
        if (astT && astT !== ast)
          return astT;
      }
      if (ast instanceof nodes.NodeList) {
        var children = mapCOW(ast.children, function(node) {
          return walk(node, func, depthFirst);
        });
        children !== ast.children && (ast = new nodes[ast.typename](ast.lineno, ast.colno, children));
      } else if (ast instanceof nodes.CallExtension) {
        var args = walk(ast.args, func, depthFirst), contentArgs = mapCOW(ast.contentArgs, function(node) {
          return walk(node, func, depthFirst);
        });
        (args !== ast.args || contentArgs !== ast.contentArgs) && (ast = new nodes[ast.typename](ast.extName, ast.prop, args, contentArgs));
      } else {
        var props = ast.fields.map(function(field) {
          return ast[field];
        }), propsT = mapCOW(props, function(prop) {
          return walk(prop, func, depthFirst);
        });
        propsT !== props && (ast = new nodes[ast.typename](ast.lineno, ast.colno), propsT.forEach(function(prop, i) {
          ast[ast.fields[i]] = prop;
        }));
      }
      return depthFirst && func(ast) || ast;
    }
    function depthWalk(ast, func) {
      return walk(ast, func, !0);
    }
    function _liftFilters(node, asyncFilters, prop) {
      var children = [], walked = depthWalk(prop ? node[prop] : node, function(descNode) {
        var symbol;
        return descNode instanceof nodes.Block ? descNode : ((descNode instanceof nodes.Filter && lib.indexOf(asyncFilters, descNode.name.value) !== -1 || descNode instanceof nodes.CallExtensionAsync) && (symbol = new nodes.Symbol(descNode.lineno, descNode.colno, gensym()), children.push(new nodes.FilterAsync(descNode.lineno, descNode.colno, descNode.name, descNode.args, symbol))), symbol);
      });
      return prop ? node[prop] = walked : node = walked, children.length ? (children.push(node), new nodes.NodeList(node.lineno, node.colno, children)) : node;
    }
    function liftFilters(ast, asyncFilters) {
      return depthWalk(ast, function(node) {
        return node instanceof nodes.Output ? _liftFilters(node, asyncFilters) : node instanceof nodes.Set ? _liftFilters(node, asyncFilters, "value") : node instanceof nodes.For ? _liftFilters(node, asyncFilters, "arr") : node instanceof nodes.If ? _liftFilters(node, asyncFilters, "cond") : node instanceof nodes.CallExtension ? _liftFilters(node, asyncFilters, "args") : void 0;
      });
    }
    function liftSuper(ast) {
      return walk(ast, function(blockNode) {
        if (blockNode instanceof nodes.Block) {
          var hasSuper = !1, symbol = gensym();
          blockNode.body = walk(blockNode.body, function(node) {
            if (node instanceof nodes.FunCall && node.name.value === "super")
              return hasSuper = !0, new nodes.Symbol(node.lineno, node.colno, symbol);
          }), hasSuper && blockNode.body.children.unshift(new nodes.Super(0, 0, blockNode.name, new nodes.Symbol(0, 0, symbol)));
        }
      });
    }
    function convertStatements(ast) {
      return depthWalk(ast, function(node) {
        if (!(!(node instanceof nodes.If) && !(node instanceof nodes.For))) {
          var async = !1;
          if (walk(node, function(child) {
            if (child instanceof nodes.FilterAsync || child instanceof nodes.IfAsync || child instanceof nodes.AsyncEach || child instanceof nodes.AsyncAll || child instanceof nodes.CallExtensionAsync)
              return async = !0, child;
          }), async) {
            if (node instanceof nodes.If)
              return new nodes.IfAsync(node.lineno, node.colno, node.cond, node.body, node.else_);
            if (node instanceof nodes.For && !(node instanceof nodes.AsyncAll))
              return new nodes.AsyncEach(node.lineno, node.colno, node.arr, node.name, node.body, node.else_);
          }
        }
      });
    }
    function cps(ast, asyncFilters) {
      return convertStatements(liftSuper(liftFilters(ast, asyncFilters)));
    }
    function transform(ast, asyncFilters) {
      return cps(ast, asyncFilters || []);
    }
    module2.exports = {
      transform
    };
  }
});

// node_modules/nunjucks/src/runtime.js
var require_runtime = __commonJS({
  "node_modules/nunjucks/src/runtime.js"(exports2, module2) {
    "use strict";
    var lib = require_lib(), arrayFrom = Array.from, supportsIterators = typeof Symbol == "function" && Symbol.iterator && typeof arrayFrom == "function", Frame = /* @__PURE__ */ (function() {
      function Frame2(parent, isolateWrites) {
        this.variables = /* @__PURE__ */ Object.create(null), this.parent = parent, this.topLevel = !1, this.isolateWrites = isolateWrites;
      }
      var _proto = Frame2.prototype;
      return _proto.set = function(name, val, resolveUp) {
        var parts = name.split("."), obj = this.variables, frame = this;
        if (resolveUp && (frame = this.resolve(parts[0], !0))) {
          frame.set(name, val);
          return;
        }
        for (var i = 0; i < parts.length - 1; i++) {
          var id = parts[i];
          obj[id] || (obj[id] = {}), obj = obj[id];
        }
        obj[parts[parts.length - 1]] = val;
      }, _proto.get = function(name) {
        var val = this.variables[name];
        return val !== void 0 ? val : null;
      }, _proto.lookup = function(name) {
        var p = this.parent, val = this.variables[name];
        return val !== void 0 ? val : p && p.lookup(name);
      }, _proto.resolve = function(name, forWrite) {
        var p = forWrite && this.isolateWrites ? void 0 : this.parent, val = this.variables[name];
        return val !== void 0 ? this : p && p.resolve(name);
      }, _proto.push = function(isolateWrites) {
        return new Frame2(this, isolateWrites);
      }, _proto.pop = function() {
        return this.parent;
      }, Frame2;
    })();
    function makeMacro(argNames, kwargNames, func) {
      return function() {
        for (var _len = arguments.length, macroArgs = new Array(_len), _key = 0; _key < _len; _key++)
          macroArgs[_key] = arguments[_key];
        var argCount = numArgs(macroArgs), args, kwargs = getKeywordArgs(macroArgs);
        if (argCount > argNames.length)
          args = macroArgs.slice(0, argNames.length), macroArgs.slice(args.length, argCount).forEach(function(val, i2) {
            i2 < kwargNames.length && (kwargs[kwargNames[i2]] = val);
          }), args.push(kwargs);
        else if (argCount < argNames.length) {
          args = macroArgs.slice(0, argCount);
          for (var i = argCount; i < argNames.length; i++) {
            var arg = argNames[i];
            args.push(kwargs[arg]), delete kwargs[arg];
          }
          args.push(kwargs);
        } else
          args = macroArgs;
        return func.apply(this, args);
      };
    }
    function makeKeywordArgs(obj) {
      return obj.__keywords = !0, obj;
    }
    function isKeywordArgs(obj) {
      return obj && Object.prototype.hasOwnProperty.call(obj, "__keywords");
    }
    function getKeywordArgs(args) {
      var len = args.length;
      if (len) {
        var lastArg = args[len - 1];
        if (isKeywordArgs(lastArg))
          return lastArg;
      }
      return {};
    }
    function numArgs(args) {
      var len = args.length;
      if (len === 0)
        return 0;
      var lastArg = args[len - 1];
      return isKeywordArgs(lastArg) ? len - 1 : len;
    }
    function SafeString(val) {
      if (typeof val != "string")
        return val;
      this.val = val, this.length = val.length;
    }
    SafeString.prototype = Object.create(String.prototype, {
      length: {
        writable: !0,
        configurable: !0,
        value: 0
      }
    });
    SafeString.prototype.valueOf = function() {
      return this.val;
    };
    SafeString.prototype.toString = function() {
      return this.val;
    };
    function copySafeness(dest, target) {
      return dest instanceof SafeString ? new SafeString(target) : target.toString();
    }
    function markSafe(val) {
      var type = typeof val;
      return type === "string" ? new SafeString(val) : type !== "function" ? val : function(args) {
        var ret = val.apply(this, arguments);
        return typeof ret == "string" ? new SafeString(ret) : ret;
      };
    }
    function suppressValue(val, autoescape) {
      return val = val ?? "", autoescape && !(val instanceof SafeString) && (val = lib.escape(val.toString())), val;
    }
    function ensureDefined(val, lineno, colno) {
      if (val == null)
        throw new lib.TemplateError("attempted to output null or undefined value", lineno + 1, colno + 1);
      return val;
    }
    function memberLookup2(obj, val) {
      if (obj != null)
        return typeof obj[val] == "function" ? function() {
          for (var _len2 = arguments.length, args = new Array(_len2), _key2 = 0; _key2 < _len2; _key2++)
            args[_key2] = arguments[_key2];
          return obj[val].apply(obj, args);
        } : obj[val];
    }
    function callWrap2(obj, name, context, args) {
      if (obj) {
        if (typeof obj != "function")
          throw new Error("Unable to call `" + name + "`, which is not a function");
      } else throw new Error("Unable to call `" + name + "`, which is undefined or falsey");
      return obj.apply(context, args);
    }
    function contextOrFrameLookup2(context, frame, name) {
      var val = frame.lookup(name);
      return val !== void 0 ? val : context.lookup(name);
    }
    function handleError(error, lineno, colno) {
      return error.lineno ? error : new lib.TemplateError(error, lineno, colno);
    }
    function asyncEach(arr, dimen, iter, cb) {
      if (lib.isArray(arr)) {
        var len = arr.length;
        lib.asyncIter(arr, function(item, i, next) {
          switch (dimen) {
            case 1:
              iter(item, i, len, next);
              break;
            case 2:
              iter(item[0], item[1], i, len, next);
              break;
            case 3:
              iter(item[0], item[1], item[2], i, len, next);
              break;
            default:
              item.push(i, len, next), iter.apply(this, item);
          }
        }, cb);
      } else
        lib.asyncFor(arr, function(key, val, i, len2, next) {
          iter(key, val, i, len2, next);
        }, cb);
    }
    function asyncAll(arr, dimen, func, cb) {
      var finished = 0, len, outputArr;
      function done(i2, output) {
        finished++, outputArr[i2] = output, finished === len && cb(null, outputArr.join(""));
      }
      if (lib.isArray(arr))
        if (len = arr.length, outputArr = new Array(len), len === 0)
          cb(null, "");
        else
          for (var i = 0; i < arr.length; i++) {
            var item = arr[i];
            switch (dimen) {
              case 1:
                func(item, i, len, done);
                break;
              case 2:
                func(item[0], item[1], i, len, done);
                break;
              case 3:
                func(item[0], item[1], item[2], i, len, done);
                break;
              default:
                item.push(i, len, done), func.apply(this, item);
            }
          }
      else {
        var keys = lib.keys(arr || {});
        if (len = keys.length, outputArr = new Array(len), len === 0)
          cb(null, "");
        else
          for (var _i = 0; _i < keys.length; _i++) {
            var k = keys[_i];
            func(k, arr[k], _i, len, done);
          }
      }
    }
    function fromIterator(arr) {
      return typeof arr != "object" || arr === null || lib.isArray(arr) ? arr : supportsIterators && Symbol.iterator in arr ? arrayFrom(arr) : arr;
    }
    module2.exports = {
      Frame,
      makeMacro,
      makeKeywordArgs,
      numArgs,
      suppressValue,
      ensureDefined,
      memberLookup: memberLookup2,
      contextOrFrameLookup: contextOrFrameLookup2,
      callWrap: callWrap2,
      handleError,
      isArray: lib.isArray,
      keys: lib.keys,
      SafeString,
      copySafeness,
      markSafe,
      asyncEach,
      asyncAll,
      inOperator: lib.inOperator,
      fromIterator
    };
  }
});

// node_modules/nunjucks/src/compiler.js
var require_compiler = __commonJS({
  "node_modules/nunjucks/src/compiler.js"(exports2, module2) {
    "use strict";
    function _inheritsLoose(subClass, superClass) {
      subClass.prototype = Object.create(superClass.prototype), subClass.prototype.constructor = subClass, _setPrototypeOf(subClass, superClass);
    }
    function _setPrototypeOf(o, p) {
      return _setPrototypeOf = Object.setPrototypeOf ? Object.setPrototypeOf.bind() : function(o2, p2) {
        return o2.__proto__ = p2, o2;
      }, _setPrototypeOf(o, p);
    }
    var parser = require_parser(), transformer = require_transformer(), nodes = require_nodes(), _require = require_lib(), TemplateError = _require.TemplateError, _require2 = require_runtime(), Frame = _require2.Frame, _require3 = require_object(), Obj = _require3.Obj, compareOps = {
      "==": "==",
      "===": "===",
      "!=": "!=",
      "!==": "!==",
      "<": "<",
      ">": ">",
      "<=": "<=",
      ">=": ">="
    }, Compiler = /* @__PURE__ */ (function(_Obj) {
      _inheritsLoose(Compiler2, _Obj);
      function Compiler2() {
        return _Obj.apply(this, arguments) || this;
      }
      var _proto = Compiler2.prototype;
      return _proto.init = function(templateName, throwOnUndefined) {
        this.templateName = templateName, this.codebuf = [], this.lastId = 0, this.buffer = null, this.bufferStack = [], this._scopeClosers = "", this.inBlock = !1, this.throwOnUndefined = throwOnUndefined;
      }, _proto.fail = function(msg, lineno, colno) {
        throw lineno !== void 0 && (lineno += 1), colno !== void 0 && (colno += 1), new TemplateError(msg, lineno, colno);
      }, _proto._pushBuffer = function() {
        var id = this._tmpid();
        return this.bufferStack.push(this.buffer), this.buffer = id, this._emit("var " + this.buffer + ' = "";'), id;
      }, _proto._popBuffer = function() {
        this.buffer = this.bufferStack.pop();
      }, _proto._emit = function(code) {
        this.codebuf.push(code);
      }, _proto._emitLine = function(code) {
        this._emit(code + `
`);
      }, _proto._emitLines = function() {
        for (var _this = this, _len = arguments.length, lines = new Array(_len), _key = 0; _key < _len; _key++)
          lines[_key] = arguments[_key];
        lines.forEach(function(line) {
          return _this._emitLine(line);
        });
      }, _proto._emitFuncBegin = function(node, name) {
        this.buffer = "output", this._scopeClosers = "", this._emitLine("function " + name + "(env, context, frame, runtime, cb) {"), this._emitLine("var lineno = " + node.lineno + ";"), this._emitLine("var colno = " + node.colno + ";"), this._emitLine("var " + this.buffer + ' = "";'), this._emitLine("try {");
      }, _proto._emitFuncEnd = function(noReturn) {
        noReturn || this._emitLine("cb(null, " + this.buffer + ");"), this._closeScopeLevels(), this._emitLine("} catch (e) {"), this._emitLine("  cb(runtime.handleError(e, lineno, colno));"), this._emitLine("}"), this._emitLine("}"), this.buffer = null;
      }, _proto._addScopeLevel = function() {
        this._scopeClosers += "})";
      }, _proto._closeScopeLevels = function() {
        this._emitLine(this._scopeClosers + ";"), this._scopeClosers = "";
      }, _proto._withScopedSyntax = function(func) {
        var _scopeClosers = this._scopeClosers;
        this._scopeClosers = "", func.call(this), this._closeScopeLevels(), this._scopeClosers = _scopeClosers;
      }, _proto._makeCallback = function(res) {
        var err = this._tmpid();
        return "function(" + err + (res ? "," + res : "") + `) {
if(` + err + ") { cb(" + err + "); return; }";
      }, _proto._tmpid = function() {
        return this.lastId++, "t_" + this.lastId;
      }, _proto._templateName = function() {
        return this.templateName == null ? "undefined" : JSON.stringify(this.templateName);
      }, _proto._compileChildren = function(node, frame) {
        var _this2 = this;
        node.children.forEach(function(child) {
          _this2.compile(child, frame);
        });
      }, _proto._compileAggregate = function(node, frame, startChar, endChar) {
        var _this3 = this;
        startChar && this._emit(startChar), node.children.forEach(function(child, i) {
          i > 0 && _this3._emit(","), _this3.compile(child, frame);
        }), endChar && this._emit(endChar);
      }, _proto._compileExpression = function(node, frame) {
        this.assertType(node, nodes.Literal, nodes.Symbol, nodes.Group, nodes.Array, nodes.Dict, nodes.FunCall, nodes.Caller, nodes.Filter, nodes.LookupVal, nodes.Compare, nodes.InlineIf, nodes.In, nodes.Is, nodes.And, nodes.Or, nodes.Not, nodes.Add, nodes.Concat, nodes.Sub, nodes.Mul, nodes.Div, nodes.FloorDiv, nodes.Mod, nodes.Pow, nodes.Neg, nodes.Pos, nodes.Compare, nodes.NodeList), this.compile(node, frame);
      }, _proto.assertType = function(node) {
        for (var _len2 = arguments.length, types = new Array(_len2 > 1 ? _len2 - 1 : 0), _key2 = 1; _key2 < _len2; _key2++)
          types[_key2 - 1] = arguments[_key2];
        types.some(function(t) {
          return node instanceof t;
        }) || this.fail("assertType: invalid type: " + node.typename, node.lineno, node.colno);
      }, _proto.compileCallExtension = function(node, frame, async) {
        var _this4 = this, args = node.args, contentArgs = node.contentArgs, autoescape = typeof node.autoescape == "boolean" ? node.autoescape : !0;
        if (async || this._emit(this.buffer + " += runtime.suppressValue("), this._emit('env.getExtension("' + node.extName + '")["' + node.prop + '"]('), this._emit("context"), (args || contentArgs) && this._emit(","), args && (args instanceof nodes.NodeList || this.fail("compileCallExtension: arguments must be a NodeList, use `parser.parseSignature`"), args.children.forEach(function(arg, i) {
          _this4._compileExpression(arg, frame), (i !== args.children.length - 1 || contentArgs.length) && _this4._emit(",");
        })), contentArgs.length && contentArgs.forEach(function(arg, i) {
          if (i > 0 && _this4._emit(","), arg) {
            _this4._emitLine("function(cb) {"), _this4._emitLine("if(!cb) { cb = function(err) { if(err) { throw err; }}}");
            var id = _this4._pushBuffer();
            _this4._withScopedSyntax(function() {
              _this4.compile(arg, frame), _this4._emitLine("cb(null, " + id + ");");
            }), _this4._popBuffer(), _this4._emitLine("return " + id + ";"), _this4._emitLine("}");
          } else
            _this4._emit("null");
        }), async) {
          var res = this._tmpid();
          this._emitLine(", " + this._makeCallback(res)), this._emitLine(this.buffer + " += runtime.suppressValue(" + res + ", " + autoescape + " && env.opts.autoescape);"), this._addScopeLevel();
        } else
          this._emit(")"), this._emit(", " + autoescape + ` && env.opts.autoescape);
`);
      }, _proto.compileCallExtensionAsync = function(node, frame) {
        this.compileCallExtension(node, frame, !0);
      }, _proto.compileNodeList = function(node, frame) {
        this._compileChildren(node, frame);
      }, _proto.compileLiteral = function(node) {
        if (typeof node.value == "string") {
          var val = node.value.replace(/\\/g, "\\\\");
          val = val.replace(/"/g, '\\"'), val = val.replace(/\n/g, "\\n"), val = val.replace(/\r/g, "\\r"), val = val.replace(/\t/g, "\\t"), val = val.replace(/\u2028/g, "\\u2028"), this._emit('"' + val + '"');
        } else node.value === null ? this._emit("null") : this._emit(node.value.toString());
      }, _proto.compileSymbol = function(node, frame) {
        var name = node.value, v = frame.lookup(name);
        v ? this._emit(v) : this._emit('runtime.contextOrFrameLookup(context, frame, "' + name + '")');
      }, _proto.compileGroup = function(node, frame) {
        this._compileAggregate(node, frame, "(", ")");
      }, _proto.compileArray = function(node, frame) {
        this._compileAggregate(node, frame, "[", "]");
      }, _proto.compileDict = function(node, frame) {
        this._compileAggregate(node, frame, "{", "}");
      }, _proto.compilePair = function(node, frame) {
        var key = node.key, val = node.value;
        key instanceof nodes.Symbol ? key = new nodes.Literal(key.lineno, key.colno, key.value) : key instanceof nodes.Literal && typeof key.value == "string" || this.fail("compilePair: Dict keys must be strings or names", key.lineno, key.colno), this.compile(key, frame), this._emit(": "), this._compileExpression(val, frame);
      }, _proto.compileInlineIf = function(node, frame) {
        this._emit("("), this.compile(node.cond, frame), this._emit("?"), this.compile(node.body, frame), this._emit(":"), node.else_ !== null ? this.compile(node.else_, frame) : this._emit('""'), this._emit(")");
      }, _proto.compileIn = function(node, frame) {
        this._emit("runtime.inOperator("), this.compile(node.left, frame), this._emit(","), this.compile(node.right, frame), this._emit(")");
      }, _proto.compileIs = function(node, frame) {
        var right = node.right.name ? node.right.name.value : node.right.value;
        this._emit('env.getTest("' + right + '").call(context, '), this.compile(node.left, frame), node.right.args && (this._emit(","), this.compile(node.right.args, frame)), this._emit(") === true");
      }, _proto._binOpEmitter = function(node, frame, str) {
        this.compile(node.left, frame), this._emit(str), this.compile(node.right, frame);
      }, _proto.compileOr = function(node, frame) {
        return this._binOpEmitter(node, frame, " || ");
      }, _proto.compileAnd = function(node, frame) {
        return this._binOpEmitter(node, frame, " && ");
      }, _proto.compileAdd = function(node, frame) {
        return this._binOpEmitter(node, frame, " + ");
      }, _proto.compileConcat = function(node, frame) {
        return this._binOpEmitter(node, frame, ' + "" + ');
      }, _proto.compileSub = function(node, frame) {
        return this._binOpEmitter(node, frame, " - ");
      }, _proto.compileMul = function(node, frame) {
        return this._binOpEmitter(node, frame, " * ");
      }, _proto.compileDiv = function(node, frame) {
        return this._binOpEmitter(node, frame, " / ");
      }, _proto.compileMod = function(node, frame) {
        return this._binOpEmitter(node, frame, " % ");
      }, _proto.compileNot = function(node, frame) {
        this._emit("!"), this.compile(node.target, frame);
      }, _proto.compileFloorDiv = function(node, frame) {
        this._emit("Math.floor("), this.compile(node.left, frame), this._emit(" / "), this.compile(node.right, frame), this._emit(")");
      }, _proto.compilePow = function(node, frame) {
        this._emit("Math.pow("), this.compile(node.left, frame), this._emit(", "), this.compile(node.right, frame), this._emit(")");
      }, _proto.compileNeg = function(node, frame) {
        this._emit("-"), this.compile(node.target, frame);
      }, _proto.compilePos = function(node, frame) {
        this._emit("+"), this.compile(node.target, frame);
      }, _proto.compileCompare = function(node, frame) {
        var _this5 = this;
        this.compile(node.expr, frame), node.ops.forEach(function(op) {
          _this5._emit(" " + compareOps[op.type] + " "), _this5.compile(op.expr, frame);
        });
      }, _proto.compileLookupVal = function(node, frame) {
        this._emit("runtime.memberLookup(("), this._compileExpression(node.target, frame), this._emit("),"), this._compileExpression(node.val, frame), this._emit(")");
      }, _proto._getNodeName = function(node) {
        switch (node.typename) {
          case "Symbol":
            return node.value;
          case "FunCall":
            return "the return value of (" + this._getNodeName(node.name) + ")";
          case "LookupVal":
            return this._getNodeName(node.target) + '["' + this._getNodeName(node.val) + '"]';
          case "Literal":
            return node.value.toString();
          default:
            return "--expression--";
        }
      }, _proto.compileFunCall = function(node, frame) {
        this._emit("(lineno = " + node.lineno + ", colno = " + node.colno + ", "), this._emit("runtime.callWrap("), this._compileExpression(node.name, frame), this._emit(', "' + this._getNodeName(node.name).replace(/"/g, '\\"') + '", context, '), this._compileAggregate(node.args, frame, "[", "])"), this._emit(")");
      }, _proto.compileFilter = function(node, frame) {
        var name = node.name;
        this.assertType(name, nodes.Symbol), this._emit('env.getFilter("' + name.value + '").call(context, '), this._compileAggregate(node.args, frame), this._emit(")");
      }, _proto.compileFilterAsync = function(node, frame) {
        var name = node.name, symbol = node.symbol.value;
        this.assertType(name, nodes.Symbol), frame.set(symbol, symbol), this._emit('env.getFilter("' + name.value + '").call(context, '), this._compileAggregate(node.args, frame), this._emitLine(", " + this._makeCallback(symbol)), this._addScopeLevel();
      }, _proto.compileKeywordArgs = function(node, frame) {
        this._emit("runtime.makeKeywordArgs("), this.compileDict(node, frame), this._emit(")");
      }, _proto.compileSet = function(node, frame) {
        var _this6 = this, ids = [];
        node.targets.forEach(function(target) {
          var name = target.value, id = frame.lookup(name);
          id == null && (id = _this6._tmpid(), _this6._emitLine("var " + id + ";")), ids.push(id);
        }), node.value ? (this._emit(ids.join(" = ") + " = "), this._compileExpression(node.value, frame), this._emitLine(";")) : (this._emit(ids.join(" = ") + " = "), this.compile(node.body, frame), this._emitLine(";")), node.targets.forEach(function(target, i) {
          var id = ids[i], name = target.value;
          _this6._emitLine('frame.set("' + name + '", ' + id + ", true);"), _this6._emitLine("if(frame.topLevel) {"), _this6._emitLine('context.setVariable("' + name + '", ' + id + ");"), _this6._emitLine("}"), name.charAt(0) !== "_" && (_this6._emitLine("if(frame.topLevel) {"), _this6._emitLine('context.addExport("' + name + '", ' + id + ");"), _this6._emitLine("}"));
        });
      }, _proto.compileSwitch = function(node, frame) {
        var _this7 = this;
        this._emit("switch ("), this.compile(node.expr, frame), this._emit(") {"), node.cases.forEach(function(c, i) {
          _this7._emit("case "), _this7.compile(c.cond, frame), _this7._emit(": "), _this7.compile(c.body, frame), c.body.children.length && _this7._emitLine("break;");
        }), node.default && (this._emit("default:"), this.compile(node.default, frame)), this._emit("}");
      }, _proto.compileIf = function(node, frame, async) {
        var _this8 = this;
        this._emit("if("), this._compileExpression(node.cond, frame), this._emitLine(") {"), this._withScopedSyntax(function() {
          _this8.compile(node.body, frame), async && _this8._emit("cb()");
        }), node.else_ ? (this._emitLine(`}
else {`), this._withScopedSyntax(function() {
          _this8.compile(node.else_, frame), async && _this8._emit("cb()");
        })) : async && (this._emitLine(`}
else {`), this._emit("cb()")), this._emitLine("}");
      }, _proto.compileIfAsync = function(node, frame) {
        this._emit("(function(cb) {"), this.compileIf(node, frame, !0), this._emit("})(" + this._makeCallback()), this._addScopeLevel();
      }, _proto._emitLoopBindings = function(node, arr, i, len) {
        var _this9 = this, bindings = [{
          name: "index",
          val: i + " + 1"
        }, {
          name: "index0",
          val: i
        }, {
          name: "revindex",
          val: len + " - " + i
        }, {
          name: "revindex0",
          val: len + " - " + i + " - 1"
        }, {
          name: "first",
          val: i + " === 0"
        }, {
          name: "last",
          val: i + " === " + len + " - 1"
        }, {
          name: "length",
          val: len
        }];
        bindings.forEach(function(b) {
          _this9._emitLine('frame.set("loop.' + b.name + '", ' + b.val + ");");
        });
      }, _proto.compileFor = function(node, frame) {
        var _this10 = this, i = this._tmpid(), len = this._tmpid(), arr = this._tmpid();
        if (frame = frame.push(), this._emitLine("frame = frame.push();"), this._emit("var " + arr + " = "), this._compileExpression(node.arr, frame), this._emitLine(";"), this._emit("if(" + arr + ") {"), this._emitLine(arr + " = runtime.fromIterator(" + arr + ");"), node.name instanceof nodes.Array) {
          this._emitLine("var " + i + ";"), this._emitLine("if(runtime.isArray(" + arr + ")) {"), this._emitLine("var " + len + " = " + arr + ".length;"), this._emitLine("for(" + i + "=0; " + i + " < " + arr + ".length; " + i + "++) {"), node.name.children.forEach(function(child, u) {
            var tid = _this10._tmpid();
            _this10._emitLine("var " + tid + " = " + arr + "[" + i + "][" + u + "];"), _this10._emitLine('frame.set("' + child + '", ' + arr + "[" + i + "][" + u + "]);"), frame.set(node.name.children[u].value, tid);
          }), this._emitLoopBindings(node, arr, i, len), this._withScopedSyntax(function() {
            _this10.compile(node.body, frame);
          }), this._emitLine("}"), this._emitLine("} else {");
          var _node$name$children = node.name.children, key = _node$name$children[0], val = _node$name$children[1], k = this._tmpid(), v = this._tmpid();
          frame.set(key.value, k), frame.set(val.value, v), this._emitLine(i + " = -1;"), this._emitLine("var " + len + " = runtime.keys(" + arr + ").length;"), this._emitLine("for(var " + k + " in " + arr + ") {"), this._emitLine(i + "++;"), this._emitLine("var " + v + " = " + arr + "[" + k + "];"), this._emitLine('frame.set("' + key.value + '", ' + k + ");"), this._emitLine('frame.set("' + val.value + '", ' + v + ");"), this._emitLoopBindings(node, arr, i, len), this._withScopedSyntax(function() {
            _this10.compile(node.body, frame);
          }), this._emitLine("}"), this._emitLine("}");
        } else {
          var _v = this._tmpid();
          frame.set(node.name.value, _v), this._emitLine("var " + len + " = " + arr + ".length;"), this._emitLine("for(var " + i + "=0; " + i + " < " + arr + ".length; " + i + "++) {"), this._emitLine("var " + _v + " = " + arr + "[" + i + "];"), this._emitLine('frame.set("' + node.name.value + '", ' + _v + ");"), this._emitLoopBindings(node, arr, i, len), this._withScopedSyntax(function() {
            _this10.compile(node.body, frame);
          }), this._emitLine("}");
        }
        this._emitLine("}"), node.else_ && (this._emitLine("if (!" + len + ") {"), this.compile(node.else_, frame), this._emitLine("}")), this._emitLine("frame = frame.pop();");
      }, _proto._compileAsyncLoop = function(node, frame, parallel) {
        var _this11 = this, i = this._tmpid(), len = this._tmpid(), arr = this._tmpid(), asyncMethod = parallel ? "asyncAll" : "asyncEach";
        if (frame = frame.push(), this._emitLine("frame = frame.push();"), this._emit("var " + arr + " = runtime.fromIterator("), this._compileExpression(node.arr, frame), this._emitLine(");"), node.name instanceof nodes.Array) {
          var arrayLen = node.name.children.length;
          this._emit("runtime." + asyncMethod + "(" + arr + ", " + arrayLen + ", function("), node.name.children.forEach(function(name) {
            _this11._emit(name.value + ",");
          }), this._emit(i + "," + len + ",next) {"), node.name.children.forEach(function(name) {
            var id2 = name.value;
            frame.set(id2, id2), _this11._emitLine('frame.set("' + id2 + '", ' + id2 + ");");
          });
        } else {
          var id = node.name.value;
          this._emitLine("runtime." + asyncMethod + "(" + arr + ", 1, function(" + id + ", " + i + ", " + len + ",next) {"), this._emitLine('frame.set("' + id + '", ' + id + ");"), frame.set(id, id);
        }
        this._emitLoopBindings(node, arr, i, len), this._withScopedSyntax(function() {
          var buf;
          parallel && (buf = _this11._pushBuffer()), _this11.compile(node.body, frame), _this11._emitLine("next(" + i + (buf ? "," + buf : "") + ");"), parallel && _this11._popBuffer();
        });
        var output = this._tmpid();
        this._emitLine("}, " + this._makeCallback(output)), this._addScopeLevel(), parallel && this._emitLine(this.buffer + " += " + output + ";"), node.else_ && (this._emitLine("if (!" + arr + ".length) {"), this.compile(node.else_, frame), this._emitLine("}")), this._emitLine("frame = frame.pop();");
      }, _proto.compileAsyncEach = function(node, frame) {
        this._compileAsyncLoop(node, frame);
      }, _proto.compileAsyncAll = function(node, frame) {
        this._compileAsyncLoop(node, frame, !0);
      }, _proto._compileMacro = function(node, frame) {
        var _this12 = this, args = [], kwargs = null, funcId = "macro_" + this._tmpid(), keepFrame = frame !== void 0;
        node.args.children.forEach(function(arg, i) {
          i === node.args.children.length - 1 && arg instanceof nodes.Dict ? kwargs = arg : (_this12.assertType(arg, nodes.Symbol), args.push(arg));
        });
        var realNames = [].concat(args.map(function(n) {
          return "l_" + n.value;
        }), ["kwargs"]), argNames = args.map(function(n) {
          return '"' + n.value + '"';
        }), kwargNames = (kwargs && kwargs.children || []).map(function(n) {
          return '"' + n.key.value + '"';
        }), currFrame;
        keepFrame ? currFrame = frame.push(!0) : currFrame = new Frame(), this._emitLines("var " + funcId + " = runtime.makeMacro(", "[" + argNames.join(", ") + "], ", "[" + kwargNames.join(", ") + "], ", "function (" + realNames.join(", ") + ") {", "var callerFrame = frame;", "frame = " + (keepFrame ? "frame.push(true);" : "new runtime.Frame();"), "kwargs = kwargs || {};", 'if (Object.prototype.hasOwnProperty.call(kwargs, "caller")) {', 'frame.set("caller", kwargs.caller); }'), args.forEach(function(arg) {
          _this12._emitLine('frame.set("' + arg.value + '", l_' + arg.value + ");"), currFrame.set(arg.value, "l_" + arg.value);
        }), kwargs && kwargs.children.forEach(function(pair) {
          var name = pair.key.value;
          _this12._emit('frame.set("' + name + '", '), _this12._emit('Object.prototype.hasOwnProperty.call(kwargs, "' + name + '")'), _this12._emit(' ? kwargs["' + name + '"] : '), _this12._compileExpression(pair.value, currFrame), _this12._emit(");");
        });
        var bufferId = this._pushBuffer();
        return this._withScopedSyntax(function() {
          _this12.compile(node.body, currFrame);
        }), this._emitLine("frame = " + (keepFrame ? "frame.pop();" : "callerFrame;")), this._emitLine("return new runtime.SafeString(" + bufferId + ");"), this._emitLine("});"), this._popBuffer(), funcId;
      }, _proto.compileMacro = function(node, frame) {
        var funcId = this._compileMacro(node), name = node.name.value;
        frame.set(name, funcId), frame.parent ? this._emitLine('frame.set("' + name + '", ' + funcId + ");") : (node.name.value.charAt(0) !== "_" && this._emitLine('context.addExport("' + name + '");'), this._emitLine('context.setVariable("' + name + '", ' + funcId + ");"));
      }, _proto.compileCaller = function(node, frame) {
        this._emit("(function (){");
        var funcId = this._compileMacro(node, frame);
        this._emit("return " + funcId + ";})()");
      }, _proto._compileGetTemplate = function(node, frame, eagerCompile, ignoreMissing) {
        var parentTemplateId = this._tmpid(), parentName = this._templateName(), cb = this._makeCallback(parentTemplateId), eagerCompileArg = eagerCompile ? "true" : "false", ignoreMissingArg = ignoreMissing ? "true" : "false";
        return this._emit("env.getTemplate("), this._compileExpression(node.template, frame), this._emitLine(", " + eagerCompileArg + ", " + parentName + ", " + ignoreMissingArg + ", " + cb), parentTemplateId;
      }, _proto.compileImport = function(node, frame) {
        var target = node.target.value, id = this._compileGetTemplate(node, frame, !1, !1);
        this._addScopeLevel(), this._emitLine(id + ".getExported(" + (node.withContext ? "context.getVariables(), frame, " : "") + this._makeCallback(id)), this._addScopeLevel(), frame.set(target, id), frame.parent ? this._emitLine('frame.set("' + target + '", ' + id + ");") : this._emitLine('context.setVariable("' + target + '", ' + id + ");");
      }, _proto.compileFromImport = function(node, frame) {
        var _this13 = this, importedId = this._compileGetTemplate(node, frame, !1, !1);
        this._addScopeLevel(), this._emitLine(importedId + ".getExported(" + (node.withContext ? "context.getVariables(), frame, " : "") + this._makeCallback(importedId)), this._addScopeLevel(), node.names.children.forEach(function(nameNode) {
          var name, alias, id = _this13._tmpid();
          nameNode instanceof nodes.Pair ? (name = nameNode.key.value, alias = nameNode.value.value) : (name = nameNode.value, alias = name), _this13._emitLine("if(Object.prototype.hasOwnProperty.call(" + importedId + ', "' + name + '")) {'), _this13._emitLine("var " + id + " = " + importedId + "." + name + ";"), _this13._emitLine("} else {"), _this13._emitLine(`cb(new Error("cannot import '` + name + `'")); return;`), _this13._emitLine("}"), frame.set(alias, id), frame.parent ? _this13._emitLine('frame.set("' + alias + '", ' + id + ");") : _this13._emitLine('context.setVariable("' + alias + '", ' + id + ");");
        });
      }, _proto.compileBlock = function(node) {
        var id = this._tmpid();
        this.inBlock || this._emit('(parentTemplate ? function(e, c, f, r, cb) { cb(""); } : '), this._emit('context.getBlock("' + node.name.value + '")'), this.inBlock || this._emit(")"), this._emitLine("(env, context, frame, runtime, " + this._makeCallback(id)), this._emitLine(this.buffer + " += " + id + ";"), this._addScopeLevel();
      }, _proto.compileSuper = function(node, frame) {
        var name = node.blockName.value, id = node.symbol.value, cb = this._makeCallback(id);
        this._emitLine('context.getSuper(env, "' + name + '", b_' + name + ", frame, runtime, " + cb), this._emitLine(id + " = runtime.markSafe(" + id + ");"), this._addScopeLevel(), frame.set(id, id);
      }, _proto.compileExtends = function(node, frame) {
        var k = this._tmpid(), parentTemplateId = this._compileGetTemplate(node, frame, !0, !1);
        this._emitLine("parentTemplate = " + parentTemplateId), this._emitLine("for(var " + k + " in parentTemplate.blocks) {"), this._emitLine("context.addBlock(" + k + ", parentTemplate.blocks[" + k + "]);"), this._emitLine("}"), this._addScopeLevel();
      }, _proto.compileInclude = function(node, frame) {
        this._emitLine("var tasks = [];"), this._emitLine("tasks.push("), this._emitLine("function(callback) {");
        var id = this._compileGetTemplate(node, frame, !1, node.ignoreMissing);
        this._emitLine("callback(null," + id + ");});"), this._emitLine("});");
        var id2 = this._tmpid();
        this._emitLine("tasks.push("), this._emitLine("function(template, callback){"), this._emitLine("template.render(context.getVariables(), frame, " + this._makeCallback(id2)), this._emitLine("callback(null," + id2 + ");});"), this._emitLine("});"), this._emitLine("tasks.push("), this._emitLine("function(result, callback){"), this._emitLine(this.buffer + " += result;"), this._emitLine("callback(null);"), this._emitLine("});"), this._emitLine("env.waterfall(tasks, function(){"), this._addScopeLevel();
      }, _proto.compileTemplateData = function(node, frame) {
        this.compileLiteral(node, frame);
      }, _proto.compileCapture = function(node, frame) {
        var _this14 = this, buffer = this.buffer;
        this.buffer = "output", this._emitLine("(function() {"), this._emitLine('var output = "";'), this._withScopedSyntax(function() {
          _this14.compile(node.body, frame);
        }), this._emitLine("return output;"), this._emitLine("})()"), this.buffer = buffer;
      }, _proto.compileOutput = function(node, frame) {
        var _this15 = this, children = node.children;
        children.forEach(function(child) {
          child instanceof nodes.TemplateData ? child.value && (_this15._emit(_this15.buffer + " += "), _this15.compileLiteral(child, frame), _this15._emitLine(";")) : (_this15._emit(_this15.buffer + " += runtime.suppressValue("), _this15.throwOnUndefined && _this15._emit("runtime.ensureDefined("), _this15.compile(child, frame), _this15.throwOnUndefined && _this15._emit("," + node.lineno + "," + node.colno + ")"), _this15._emit(`, env.opts.autoescape);
`));
        });
      }, _proto.compileRoot = function(node, frame) {
        var _this16 = this;
        frame && this.fail("compileRoot: root node can't have frame"), frame = new Frame(), this._emitFuncBegin(node, "root"), this._emitLine("var parentTemplate = null;"), this._compileChildren(node, frame), this._emitLine("if(parentTemplate) {"), this._emitLine("parentTemplate.rootRenderFunc(env, context, frame, runtime, cb);"), this._emitLine("} else {"), this._emitLine("cb(null, " + this.buffer + ");"), this._emitLine("}"), this._emitFuncEnd(!0), this.inBlock = !0;
        var blockNames = [], blocks = node.findAll(nodes.Block);
        blocks.forEach(function(block, i) {
          var name = block.name.value;
          if (blockNames.indexOf(name) !== -1)
            throw new Error('Block "' + name + '" defined more than once.');
          blockNames.push(name), _this16._emitFuncBegin(block, "b_" + name);
          var tmpFrame = new Frame();
          _this16._emitLine("var frame = frame.push(true);"), _this16.compile(block.body, tmpFrame), _this16._emitFuncEnd();
        }), this._emitLine("return {"), blocks.forEach(function(block, i) {
          var blockName = "b_" + block.name.value;
          _this16._emitLine(blockName + ": " + blockName + ",");
        }), this._emitLine(`root: root
};`);
      }, _proto.compile = function(node, frame) {
        var _compile = this["compile" + node.typename];
        _compile ? _compile.call(this, node, frame) : this.fail("compile: Cannot compile node: " + node.typename, node.lineno, node.colno);
      }, _proto.getCode = function() {
        return this.codebuf.join("");
      }, Compiler2;
    })(Obj);
    module2.exports = {
      compile: function(src, asyncFilters, extensions, name, opts) {
        opts === void 0 && (opts = {});
        var c = new Compiler(name, opts.throwOnUndefined), preprocessors = (extensions || []).map(function(ext) {
          return ext.preprocess;
        }).filter(function(f) {
          return !!f;
        }), processedSrc = preprocessors.reduce(function(s, processor) {
          return processor(s);
        }, src);
        return c.compile(transformer.transform(parser.parse(processedSrc, extensions, opts), asyncFilters, name)), c.getCode();
      },
      Compiler
    };
  }
});

// node_modules/nunjucks/src/filters.js
var require_filters = __commonJS({
  "node_modules/nunjucks/src/filters.js"(exports2, module2) {
    "use strict";
    var lib = require_lib(), r = require_runtime(), _exports = module2.exports = {};
    function normalize(value, defaultValue) {
      return value == null || value === !1 ? defaultValue : value;
    }
    _exports.abs = Math.abs;
    function isNaN(num) {
      return num !== num;
    }
    function batch(arr, linecount, fillWith) {
      var i, res = [], tmp = [];
      for (i = 0; i < arr.length; i++)
        i % linecount === 0 && tmp.length && (res.push(tmp), tmp = []), tmp.push(arr[i]);
      if (tmp.length) {
        if (fillWith)
          for (i = tmp.length; i < linecount; i++)
            tmp.push(fillWith);
        res.push(tmp);
      }
      return res;
    }
    _exports.batch = batch;
    function capitalize(str) {
      str = normalize(str, "");
      var ret = str.toLowerCase();
      return r.copySafeness(str, ret.charAt(0).toUpperCase() + ret.slice(1));
    }
    _exports.capitalize = capitalize;
    function center(str, width) {
      if (str = normalize(str, ""), width = width || 80, str.length >= width)
        return str;
      var spaces = width - str.length, pre = lib.repeat(" ", spaces / 2 - spaces % 2), post = lib.repeat(" ", spaces / 2);
      return r.copySafeness(str, pre + str + post);
    }
    _exports.center = center;
    function default_(val, def, bool) {
      return bool ? val || def : val !== void 0 ? val : def;
    }
    _exports.default = default_;
    function dictsort(val, caseSensitive, by) {
      if (!lib.isObject(val))
        throw new lib.TemplateError("dictsort filter: val must be an object");
      var array = [];
      for (var k in val)
        array.push([k, val[k]]);
      var si;
      if (by === void 0 || by === "key")
        si = 0;
      else if (by === "value")
        si = 1;
      else
        throw new lib.TemplateError("dictsort filter: You can only sort by either key or value");
      return array.sort(function(t1, t2) {
        var a = t1[si], b = t2[si];
        return caseSensitive || (lib.isString(a) && (a = a.toUpperCase()), lib.isString(b) && (b = b.toUpperCase())), a > b ? 1 : a === b ? 0 : -1;
      }), array;
    }
    _exports.dictsort = dictsort;
    function dump(obj, spaces) {
      return JSON.stringify(obj, null, spaces);
    }
    _exports.dump = dump;
    function escape(str) {
      return str instanceof r.SafeString ? str : (str = str ?? "", r.markSafe(lib.escape(str.toString())));
    }
    _exports.escape = escape;
    function safe(str) {
      return str instanceof r.SafeString ? str : (str = str ?? "", r.markSafe(str.toString()));
    }
    _exports.safe = safe;
    function first(arr) {
      return arr[0];
    }
    _exports.first = first;
    function forceescape(str) {
      return str = str ?? "", r.markSafe(lib.escape(str.toString()));
    }
    _exports.forceescape = forceescape;
    function groupby(arr, attr) {
      return lib.groupBy(arr, attr, this.env.opts.throwOnUndefined);
    }
    _exports.groupby = groupby;
    function indent(str, width, indentfirst) {
      if (str = normalize(str, ""), str === "")
        return "";
      width = width || 4;
      var lines = str.split(`
`), sp = lib.repeat(" ", width), res = lines.map(function(l, i) {
        return i === 0 && !indentfirst ? l : "" + sp + l;
      }).join(`
`);
      return r.copySafeness(str, res);
    }
    _exports.indent = indent;
    function join(arr, del, attr) {
      return del = del || "", attr && (arr = lib.map(arr, function(v) {
        return v[attr];
      })), arr.join(del);
    }
    _exports.join = join;
    function last(arr) {
      return arr[arr.length - 1];
    }
    _exports.last = last;
    function lengthFilter(val) {
      var value = normalize(val, "");
      return value !== void 0 ? typeof Map == "function" && value instanceof Map || typeof Set == "function" && value instanceof Set ? value.size : lib.isObject(value) && !(value instanceof r.SafeString) ? lib.keys(value).length : value.length : 0;
    }
    _exports.length = lengthFilter;
    function list(val) {
      if (lib.isString(val))
        return val.split("");
      if (lib.isObject(val))
        return lib._entries(val || {}).map(function(_ref) {
          var key = _ref[0], value = _ref[1];
          return {
            key,
            value
          };
        });
      if (lib.isArray(val))
        return val;
      throw new lib.TemplateError("list filter: type not iterable");
    }
    _exports.list = list;
    function lower(str) {
      return str = normalize(str, ""), str.toLowerCase();
    }
    _exports.lower = lower;
    function nl2br(str) {
      return str == null ? "" : r.copySafeness(str, str.replace(/\r\n|\n/g, `<br />
`));
    }
    _exports.nl2br = nl2br;
    function random(arr) {
      return arr[Math.floor(Math.random() * arr.length)];
    }
    _exports.random = random;
    function getSelectOrReject(expectedTestResult) {
      function filter(arr, testName, secondArg) {
        testName === void 0 && (testName = "truthy");
        var context = this, test = context.env.getTest(testName);
        return lib.toArray(arr).filter(function(item) {
          return test.call(context, item, secondArg) === expectedTestResult;
        });
      }
      return filter;
    }
    _exports.reject = getSelectOrReject(!1);
    function rejectattr(arr, attr) {
      return arr.filter(function(item) {
        return !item[attr];
      });
    }
    _exports.rejectattr = rejectattr;
    _exports.select = getSelectOrReject(!0);
    function selectattr(arr, attr) {
      return arr.filter(function(item) {
        return !!item[attr];
      });
    }
    _exports.selectattr = selectattr;
    function replace(str, old, new_, maxCount) {
      var originalStr = str;
      if (old instanceof RegExp)
        return str.replace(old, new_);
      typeof maxCount > "u" && (maxCount = -1);
      var res = "";
      if (typeof old == "number")
        old = "" + old;
      else if (typeof old != "string")
        return str;
      if (typeof str == "number" && (str = "" + str), typeof str != "string" && !(str instanceof r.SafeString))
        return str;
      if (old === "")
        return res = new_ + str.split("").join(new_) + new_, r.copySafeness(str, res);
      var nextIndex = str.indexOf(old);
      if (maxCount === 0 || nextIndex === -1)
        return str;
      for (var pos = 0, count = 0; nextIndex > -1 && (maxCount === -1 || count < maxCount); )
        res += str.substring(pos, nextIndex) + new_, pos = nextIndex + old.length, count++, nextIndex = str.indexOf(old, pos);
      return pos < str.length && (res += str.substring(pos)), r.copySafeness(originalStr, res);
    }
    _exports.replace = replace;
    function reverse(val) {
      var arr;
      return lib.isString(val) ? arr = list(val) : arr = lib.map(val, function(v) {
        return v;
      }), arr.reverse(), lib.isString(val) ? r.copySafeness(val, arr.join("")) : arr;
    }
    _exports.reverse = reverse;
    function round(val, precision, method) {
      precision = precision || 0;
      var factor = Math.pow(10, precision), rounder;
      return method === "ceil" ? rounder = Math.ceil : method === "floor" ? rounder = Math.floor : rounder = Math.round, rounder(val * factor) / factor;
    }
    _exports.round = round;
    function slice(arr, slices, fillWith) {
      for (var sliceLength = Math.floor(arr.length / slices), extra = arr.length % slices, res = [], offset = 0, i = 0; i < slices; i++) {
        var start = offset + i * sliceLength;
        i < extra && offset++;
        var end = offset + (i + 1) * sliceLength, currSlice = arr.slice(start, end);
        fillWith && i >= extra && currSlice.push(fillWith), res.push(currSlice);
      }
      return res;
    }
    _exports.slice = slice;
    function sum(arr, attr, start) {
      return start === void 0 && (start = 0), attr && (arr = lib.map(arr, function(v) {
        return v[attr];
      })), start + arr.reduce(function(a, b) {
        return a + b;
      }, 0);
    }
    _exports.sum = sum;
    _exports.sort = r.makeMacro(["value", "reverse", "case_sensitive", "attribute"], [], function(arr, reversed, caseSens, attr) {
      var _this = this, array = lib.map(arr, function(v) {
        return v;
      }), getAttribute = lib.getAttrGetter(attr);
      return array.sort(function(a, b) {
        var x = attr ? getAttribute(a) : a, y = attr ? getAttribute(b) : b;
        if (_this.env.opts.throwOnUndefined && attr && (x === void 0 || y === void 0))
          throw new TypeError('sort: attribute "' + attr + '" resolved to undefined');
        return !caseSens && lib.isString(x) && lib.isString(y) && (x = x.toLowerCase(), y = y.toLowerCase()), x < y ? reversed ? 1 : -1 : x > y ? reversed ? -1 : 1 : 0;
      }), array;
    });
    function string(obj) {
      return r.copySafeness(obj, obj);
    }
    _exports.string = string;
    function striptags(input, preserveLinebreaks) {
      input = normalize(input, "");
      var tags = /<\/?([a-z][a-z0-9]*)\b[^>]*>|<!--[\s\S]*?-->/gi, trimmedInput = trim(input.replace(tags, "")), res = "";
      return preserveLinebreaks ? res = trimmedInput.replace(/^ +| +$/gm, "").replace(/ +/g, " ").replace(/(\r\n)/g, `
`).replace(/\n\n\n+/g, `

`) : res = trimmedInput.replace(/\s+/gi, " "), r.copySafeness(input, res);
    }
    _exports.striptags = striptags;
    function title(str) {
      str = normalize(str, "");
      var words = str.split(" ").map(function(word) {
        return capitalize(word);
      });
      return r.copySafeness(str, words.join(" "));
    }
    _exports.title = title;
    function trim(str) {
      return r.copySafeness(str, str.replace(/^\s*|\s*$/g, ""));
    }
    _exports.trim = trim;
    function truncate(input, length, killwords, end) {
      var orig = input;
      if (input = normalize(input, ""), length = length || 255, input.length <= length)
        return input;
      if (killwords)
        input = input.substring(0, length);
      else {
        var idx = input.lastIndexOf(" ", length);
        idx === -1 && (idx = length), input = input.substring(0, idx);
      }
      return input += end ?? "...", r.copySafeness(orig, input);
    }
    _exports.truncate = truncate;
    function upper(str) {
      return str = normalize(str, ""), str.toUpperCase();
    }
    _exports.upper = upper;
    function urlencode(obj) {
      var enc = encodeURIComponent;
      if (lib.isString(obj))
        return enc(obj);
      var keyvals = lib.isArray(obj) ? obj : lib._entries(obj);
      return keyvals.map(function(_ref2) {
        var k = _ref2[0], v = _ref2[1];
        return enc(k) + "=" + enc(v);
      }).join("&");
    }
    _exports.urlencode = urlencode;
    var puncRe = /^(?:\(|<|&lt;)?(.*?)(?:\.|,|\)|\n|&gt;)?$/, emailRe = /^[\w.!#$%&'*+\-\/=?\^`{|}~]+@[a-z\d\-]+(\.[a-z\d\-]+)+$/i, httpHttpsRe = /^https?:\/\/.*$/, wwwRe = /^www\./, tldRe = /\.(?:org|net|com)(?:\:|\/|$)/;
    function urlize(str, length, nofollow) {
      isNaN(length) && (length = 1 / 0);
      var noFollowAttr = nofollow === !0 ? ' rel="nofollow"' : "", words = str.split(/(\s+)/).filter(function(word) {
        return word && word.length;
      }).map(function(word) {
        var matches = word.match(puncRe), possibleUrl = matches ? matches[1] : word, shortUrl = possibleUrl.substr(0, length);
        return httpHttpsRe.test(possibleUrl) ? '<a href="' + possibleUrl + '"' + noFollowAttr + ">" + shortUrl + "</a>" : wwwRe.test(possibleUrl) ? '<a href="http://' + possibleUrl + '"' + noFollowAttr + ">" + shortUrl + "</a>" : emailRe.test(possibleUrl) ? '<a href="mailto:' + possibleUrl + '">' + possibleUrl + "</a>" : tldRe.test(possibleUrl) ? '<a href="http://' + possibleUrl + '"' + noFollowAttr + ">" + shortUrl + "</a>" : word;
      });
      return words.join("");
    }
    _exports.urlize = urlize;
    function wordcount(str) {
      str = normalize(str, "");
      var words = str ? str.match(/\w+/g) : null;
      return words ? words.length : null;
    }
    _exports.wordcount = wordcount;
    function float(val, def) {
      var res = parseFloat(val);
      return isNaN(res) ? def : res;
    }
    _exports.float = float;
    var intFilter = r.makeMacro(["value", "default", "base"], [], function(value, defaultValue, base) {
      base === void 0 && (base = 10);
      var res = parseInt(value, base);
      return isNaN(res) ? defaultValue : res;
    });
    _exports.int = intFilter;
    _exports.d = _exports.default;
    _exports.e = _exports.escape;
  }
});

// node_modules/nunjucks/src/loader.js
var require_loader = __commonJS({
  "node_modules/nunjucks/src/loader.js"(exports2, module2) {
    "use strict";
    function _inheritsLoose(subClass, superClass) {
      subClass.prototype = Object.create(superClass.prototype), subClass.prototype.constructor = subClass, _setPrototypeOf(subClass, superClass);
    }
    function _setPrototypeOf(o, p) {
      return _setPrototypeOf = Object.setPrototypeOf ? Object.setPrototypeOf.bind() : function(o2, p2) {
        return o2.__proto__ = p2, o2;
      }, _setPrototypeOf(o, p);
    }
    var path = require("path"), _require = require_object(), EmitterObj = _require.EmitterObj;
    module2.exports = /* @__PURE__ */ (function(_EmitterObj) {
      _inheritsLoose(Loader, _EmitterObj);
      function Loader() {
        return _EmitterObj.apply(this, arguments) || this;
      }
      var _proto = Loader.prototype;
      return _proto.resolve = function(from, to) {
        return path.resolve(path.dirname(from), to);
      }, _proto.isRelative = function(filename) {
        return filename.indexOf("./") === 0 || filename.indexOf("../") === 0;
      }, Loader;
    })(EmitterObj);
  }
});

// node_modules/nunjucks/src/precompiled-loader.js
var require_precompiled_loader = __commonJS({
  "node_modules/nunjucks/src/precompiled-loader.js"(exports2, module2) {
    "use strict";
    function _inheritsLoose(subClass, superClass) {
      subClass.prototype = Object.create(superClass.prototype), subClass.prototype.constructor = subClass, _setPrototypeOf(subClass, superClass);
    }
    function _setPrototypeOf(o, p) {
      return _setPrototypeOf = Object.setPrototypeOf ? Object.setPrototypeOf.bind() : function(o2, p2) {
        return o2.__proto__ = p2, o2;
      }, _setPrototypeOf(o, p);
    }
    var Loader = require_loader(), PrecompiledLoader = /* @__PURE__ */ (function(_Loader) {
      _inheritsLoose(PrecompiledLoader2, _Loader);
      function PrecompiledLoader2(compiledTemplates) {
        var _this;
        return _this = _Loader.call(this) || this, _this.precompiled = compiledTemplates || {}, _this;
      }
      var _proto = PrecompiledLoader2.prototype;
      return _proto.getSource = function(name) {
        return this.precompiled[name] ? {
          src: {
            type: "code",
            obj: this.precompiled[name]
          },
          path: name
        } : null;
      }, PrecompiledLoader2;
    })(Loader);
    module2.exports = {
      PrecompiledLoader
    };
  }
});

// node_modules/nunjucks/src/node-loaders.js
var require_node_loaders = __commonJS({
  "node_modules/nunjucks/src/node-loaders.js"(exports2, module2) {
    "use strict";
    function _inheritsLoose(subClass, superClass) {
      subClass.prototype = Object.create(superClass.prototype), subClass.prototype.constructor = subClass, _setPrototypeOf(subClass, superClass);
    }
    function _setPrototypeOf(o, p) {
      return _setPrototypeOf = Object.setPrototypeOf ? Object.setPrototypeOf.bind() : function(o2, p2) {
        return o2.__proto__ = p2, o2;
      }, _setPrototypeOf(o, p);
    }
    var fs = require("fs"), path = require("path"), Loader = require_loader(), _require = require_precompiled_loader(), PrecompiledLoader = _require.PrecompiledLoader, chokidar, FileSystemLoader = /* @__PURE__ */ (function(_Loader) {
      _inheritsLoose(FileSystemLoader2, _Loader);
      function FileSystemLoader2(searchPaths, opts) {
        var _this;
        if (_this = _Loader.call(this) || this, typeof opts == "boolean" && console.log("[nunjucks] Warning: you passed a boolean as the second argument to FileSystemLoader, but it now takes an options object. See http://mozilla.github.io/nunjucks/api.html#filesystemloader"), opts = opts || {}, _this.pathsToNames = {}, _this.noCache = !!opts.noCache, searchPaths ? (searchPaths = Array.isArray(searchPaths) ? searchPaths : [searchPaths], _this.searchPaths = searchPaths.map(path.normalize)) : _this.searchPaths = ["."], opts.watch) {
          try {
            chokidar = require("chokidar");
          } catch {
            throw new Error("watch requires chokidar to be installed");
          }
          var paths = _this.searchPaths.filter(fs.existsSync), watcher = chokidar.watch(paths);
          watcher.on("all", function(event, fullname) {
            fullname = path.resolve(fullname), event === "change" && fullname in _this.pathsToNames && _this.emit("update", _this.pathsToNames[fullname], fullname);
          }), watcher.on("error", function(error) {
            console.log("Watcher error: " + error);
          });
        }
        return _this;
      }
      var _proto = FileSystemLoader2.prototype;
      return _proto.getSource = function(name) {
        for (var fullpath = null, paths = this.searchPaths, i = 0; i < paths.length; i++) {
          var basePath = path.resolve(paths[i]), p = path.resolve(paths[i], name);
          if (p.indexOf(basePath) === 0 && fs.existsSync(p)) {
            fullpath = p;
            break;
          }
        }
        if (!fullpath)
          return null;
        this.pathsToNames[fullpath] = name;
        var source = {
          src: fs.readFileSync(fullpath, "utf-8"),
          path: fullpath,
          noCache: this.noCache
        };
        return this.emit("load", name, source), source;
      }, FileSystemLoader2;
    })(Loader), NodeResolveLoader = /* @__PURE__ */ (function(_Loader2) {
      _inheritsLoose(NodeResolveLoader2, _Loader2);
      function NodeResolveLoader2(opts) {
        var _this2;
        if (_this2 = _Loader2.call(this) || this, opts = opts || {}, _this2.pathsToNames = {}, _this2.noCache = !!opts.noCache, opts.watch) {
          try {
            chokidar = require("chokidar");
          } catch {
            throw new Error("watch requires chokidar to be installed");
          }
          _this2.watcher = chokidar.watch(), _this2.watcher.on("change", function(fullname) {
            _this2.emit("update", _this2.pathsToNames[fullname], fullname);
          }), _this2.watcher.on("error", function(error) {
            console.log("Watcher error: " + error);
          }), _this2.on("load", function(name, source) {
            _this2.watcher.add(source.path);
          });
        }
        return _this2;
      }
      var _proto2 = NodeResolveLoader2.prototype;
      return _proto2.getSource = function(name) {
        if (/^\.?\.?(\/|\\)/.test(name) || /^[A-Z]:/.test(name))
          return null;
        var fullpath;
        try {
          fullpath = require.resolve(name);
        } catch {
          return null;
        }
        this.pathsToNames[fullpath] = name;
        var source = {
          src: fs.readFileSync(fullpath, "utf-8"),
          path: fullpath,
          noCache: this.noCache
        };
        return this.emit("load", name, source), source;
      }, NodeResolveLoader2;
    })(Loader);
    module2.exports = {
      FileSystemLoader,
      PrecompiledLoader,
      NodeResolveLoader
    };
  }
});

// node_modules/nunjucks/src/loaders.js
var require_loaders = __commonJS({
  "node_modules/nunjucks/src/loaders.js"(exports2, module2) {
    "use strict";
    module2.exports = require_node_loaders();
  }
});

// node_modules/nunjucks/src/tests.js
var require_tests = __commonJS({
  "node_modules/nunjucks/src/tests.js"(exports2) {
    "use strict";
    var SafeString = require_runtime().SafeString;
    function callable2(value) {
      return typeof value == "function";
    }
    exports2.callable = callable2;
    function defined(value) {
      return value !== void 0;
    }
    exports2.defined = defined;
    function divisibleby(one, two) {
      return one % two === 0;
    }
    exports2.divisibleby = divisibleby;
    function escaped(value) {
      return value instanceof SafeString;
    }
    exports2.escaped = escaped;
    function equalto(one, two) {
      return one === two;
    }
    exports2.equalto = equalto;
    exports2.eq = exports2.equalto;
    exports2.sameas = exports2.equalto;
    function even(value) {
      return value % 2 === 0;
    }
    exports2.even = even;
    function falsy(value) {
      return !value;
    }
    exports2.falsy = falsy;
    function ge(one, two) {
      return one >= two;
    }
    exports2.ge = ge;
    function greaterthan(one, two) {
      return one > two;
    }
    exports2.greaterthan = greaterthan;
    exports2.gt = exports2.greaterthan;
    function le(one, two) {
      return one <= two;
    }
    exports2.le = le;
    function lessthan(one, two) {
      return one < two;
    }
    exports2.lessthan = lessthan;
    exports2.lt = exports2.lessthan;
    function lower(value) {
      return value.toLowerCase() === value;
    }
    exports2.lower = lower;
    function ne(one, two) {
      return one !== two;
    }
    exports2.ne = ne;
    function nullTest(value) {
      return value === null;
    }
    exports2.null = nullTest;
    function number(value) {
      return typeof value == "number";
    }
    exports2.number = number;
    function odd(value) {
      return value % 2 === 1;
    }
    exports2.odd = odd;
    function string(value) {
      return typeof value == "string";
    }
    exports2.string = string;
    function truthy(value) {
      return !!value;
    }
    exports2.truthy = truthy;
    function undefinedTest(value) {
      return value === void 0;
    }
    exports2.undefined = undefinedTest;
    function upper(value) {
      return value.toUpperCase() === value;
    }
    exports2.upper = upper;
    function iterable(value) {
      return typeof Symbol < "u" ? !!value[Symbol.iterator] : Array.isArray(value) || typeof value == "string";
    }
    exports2.iterable = iterable;
    function mapping(value) {
      var bool = value != null && typeof value == "object" && !Array.isArray(value);
      return Set ? bool && !(value instanceof Set) : bool;
    }
    exports2.mapping = mapping;
  }
});

// node_modules/nunjucks/src/globals.js
var require_globals = __commonJS({
  "node_modules/nunjucks/src/globals.js"(exports2, module2) {
    "use strict";
    function _cycler(items) {
      var index = -1;
      return {
        current: null,
        reset: function() {
          index = -1, this.current = null;
        },
        next: function() {
          return index++, index >= items.length && (index = 0), this.current = items[index], this.current;
        }
      };
    }
    function _joiner(sep) {
      sep = sep || ",";
      var first = !0;
      return function() {
        var val = first ? "" : sep;
        return first = !1, val;
      };
    }
    function globals() {
      return {
        range: function(start, stop, step) {
          typeof stop > "u" ? (stop = start, start = 0, step = 1) : step || (step = 1);
          var arr = [];
          if (step > 0)
            for (var i = start; i < stop; i += step)
              arr.push(i);
          else
            for (var _i = start; _i > stop; _i += step)
              arr.push(_i);
          return arr;
        },
        cycler: function() {
          return _cycler(Array.prototype.slice.call(arguments));
        },
        joiner: function(sep) {
          return _joiner(sep);
        }
      };
    }
    module2.exports = globals;
  }
});

// node_modules/nunjucks/src/express-app.js
var require_express_app = __commonJS({
  "node_modules/nunjucks/src/express-app.js"(exports2, module2) {
    "use strict";
    var path = require("path");
    module2.exports = function(env, app) {
      function NunjucksView(name, opts) {
        if (this.name = name, this.path = name, this.defaultEngine = opts.defaultEngine, this.ext = path.extname(name), !this.ext && !this.defaultEngine)
          throw new Error("No default engine was specified and no extension was provided.");
        this.ext || (this.name += this.ext = (this.defaultEngine[0] !== "." ? "." : "") + this.defaultEngine);
      }
      return NunjucksView.prototype.render = function(opts, cb) {
        env.render(this.name, opts, cb);
      }, app.set("view", NunjucksView), app.set("nunjucksEnv", env), env;
    };
  }
});

// node_modules/nunjucks/src/environment.js
var require_environment = __commonJS({
  "node_modules/nunjucks/src/environment.js"(exports2, module2) {
    "use strict";
    function _inheritsLoose(subClass, superClass) {
      subClass.prototype = Object.create(superClass.prototype), subClass.prototype.constructor = subClass, _setPrototypeOf(subClass, superClass);
    }
    function _setPrototypeOf(o, p) {
      return _setPrototypeOf = Object.setPrototypeOf ? Object.setPrototypeOf.bind() : function(o2, p2) {
        return o2.__proto__ = p2, o2;
      }, _setPrototypeOf(o, p);
    }
    var asap = require_asap(), _waterfall = require_a_sync_waterfall(), lib = require_lib(), compiler = require_compiler(), filters = require_filters(), _require = require_loaders(), FileSystemLoader = _require.FileSystemLoader, WebLoader = _require.WebLoader, PrecompiledLoader = _require.PrecompiledLoader, tests = require_tests(), globals = require_globals(), _require2 = require_object(), Obj = _require2.Obj, EmitterObj = _require2.EmitterObj, globalRuntime = require_runtime(), handleError = globalRuntime.handleError, Frame = globalRuntime.Frame, expressApp = require_express_app();
    function callbackAsap(cb, err, res) {
      asap(function() {
        cb(err, res);
      });
    }
    var noopTmplSrc = {
      type: "code",
      obj: {
        root: function(env, context, frame, runtime2, cb) {
          try {
            cb(null, "");
          } catch (e) {
            cb(handleError(e, null, null));
          }
        }
      }
    }, Environment = /* @__PURE__ */ (function(_EmitterObj) {
      _inheritsLoose(Environment2, _EmitterObj);
      function Environment2() {
        return _EmitterObj.apply(this, arguments) || this;
      }
      var _proto = Environment2.prototype;
      return _proto.init = function(loaders, opts) {
        var _this = this;
        opts = this.opts = opts || {}, this.opts.dev = !!opts.dev, this.opts.autoescape = opts.autoescape != null ? opts.autoescape : !0, this.opts.throwOnUndefined = !!opts.throwOnUndefined, this.opts.trimBlocks = !!opts.trimBlocks, this.opts.lstripBlocks = !!opts.lstripBlocks, this.loaders = [], loaders ? this.loaders = lib.isArray(loaders) ? loaders : [loaders] : FileSystemLoader ? this.loaders = [new FileSystemLoader("views")] : WebLoader && (this.loaders = [new WebLoader("/views")]), typeof window < "u" && window.nunjucksPrecompiled && this.loaders.unshift(new PrecompiledLoader(window.nunjucksPrecompiled)), this._initLoaders(), this.globals = globals(), this.filters = {}, this.tests = {}, this.asyncFilters = [], this.extensions = {}, this.extensionsList = [], lib._entries(filters).forEach(function(_ref) {
          var name = _ref[0], filter = _ref[1];
          return _this.addFilter(name, filter);
        }), lib._entries(tests).forEach(function(_ref2) {
          var name = _ref2[0], test = _ref2[1];
          return _this.addTest(name, test);
        });
      }, _proto._initLoaders = function() {
        var _this2 = this;
        this.loaders.forEach(function(loader) {
          loader.cache = {}, typeof loader.on == "function" && (loader.on("update", function(name, fullname) {
            loader.cache[name] = null, _this2.emit("update", name, fullname, loader);
          }), loader.on("load", function(name, source) {
            _this2.emit("load", name, source, loader);
          }));
        });
      }, _proto.invalidateCache = function() {
        this.loaders.forEach(function(loader) {
          loader.cache = {};
        });
      }, _proto.addExtension = function(name, extension) {
        return extension.__name = name, this.extensions[name] = extension, this.extensionsList.push(extension), this;
      }, _proto.removeExtension = function(name) {
        var extension = this.getExtension(name);
        extension && (this.extensionsList = lib.without(this.extensionsList, extension), delete this.extensions[name]);
      }, _proto.getExtension = function(name) {
        return this.extensions[name];
      }, _proto.hasExtension = function(name) {
        return !!this.extensions[name];
      }, _proto.addGlobal = function(name, value) {
        return this.globals[name] = value, this;
      }, _proto.getGlobal = function(name) {
        if (typeof this.globals[name] > "u")
          throw new Error("global not found: " + name);
        return this.globals[name];
      }, _proto.addFilter = function(name, func, async) {
        var wrapped = func;
        return async && this.asyncFilters.push(name), this.filters[name] = wrapped, this;
      }, _proto.getFilter = function(name) {
        if (!this.filters[name])
          throw new Error("filter not found: " + name);
        return this.filters[name];
      }, _proto.addTest = function(name, func) {
        return this.tests[name] = func, this;
      }, _proto.getTest = function(name) {
        if (!this.tests[name])
          throw new Error("test not found: " + name);
        return this.tests[name];
      }, _proto.resolveTemplate = function(loader, parentName, filename) {
        var isRelative = loader.isRelative && parentName ? loader.isRelative(filename) : !1;
        return isRelative && loader.resolve ? loader.resolve(parentName, filename) : filename;
      }, _proto.getTemplate = function(name, eagerCompile, parentName, ignoreMissing, cb) {
        var _this3 = this, that = this, tmpl = null;
        if (name && name.raw && (name = name.raw), lib.isFunction(parentName) && (cb = parentName, parentName = null, eagerCompile = eagerCompile || !1), lib.isFunction(eagerCompile) && (cb = eagerCompile, eagerCompile = !1), name instanceof Template)
          tmpl = name;
        else {
          if (typeof name != "string")
            throw new Error("template names must be a string: " + name);
          for (var i = 0; i < this.loaders.length; i++) {
            var loader = this.loaders[i];
            if (tmpl = loader.cache[this.resolveTemplate(loader, parentName, name)], tmpl)
              break;
          }
        }
        if (tmpl)
          if (eagerCompile && tmpl.compile(), cb) {
            cb(null, tmpl);
            return;
          } else
            return tmpl;
        var syncResult, createTemplate = function(err, info) {
          if (!info && !err && !ignoreMissing && (err = new Error("template not found: " + name)), err)
            if (cb) {
              cb(err);
              return;
            } else
              throw err;
          var newTmpl;
          info ? (newTmpl = new Template(info.src, _this3, info.path, eagerCompile), info.noCache || (info.loader.cache[name] = newTmpl)) : newTmpl = new Template(noopTmplSrc, _this3, "", eagerCompile), cb ? cb(null, newTmpl) : syncResult = newTmpl;
        };
        return lib.asyncIter(this.loaders, function(loader2, i2, next, done) {
          function handle(err, src) {
            err ? done(err) : src ? (src.loader = loader2, done(null, src)) : next();
          }
          name = that.resolveTemplate(loader2, parentName, name), loader2.async ? loader2.getSource(name, handle) : handle(null, loader2.getSource(name));
        }, createTemplate), syncResult;
      }, _proto.express = function(app) {
        return expressApp(this, app);
      }, _proto.render = function(name, ctx, cb) {
        lib.isFunction(ctx) && (cb = ctx, ctx = null);
        var syncResult = null;
        return this.getTemplate(name, function(err, tmpl) {
          if (err && cb)
            callbackAsap(cb, err);
          else {
            if (err)
              throw err;
            syncResult = tmpl.render(ctx, cb);
          }
        }), syncResult;
      }, _proto.renderString = function(src, ctx, opts, cb) {
        lib.isFunction(opts) && (cb = opts, opts = {}), opts = opts || {};
        var tmpl = new Template(src, this, opts.path);
        return tmpl.render(ctx, cb);
      }, _proto.waterfall = function(tasks, callback, forceAsync) {
        return _waterfall(tasks, callback, forceAsync);
      }, Environment2;
    })(EmitterObj), Context = /* @__PURE__ */ (function(_Obj) {
      _inheritsLoose(Context2, _Obj);
      function Context2() {
        return _Obj.apply(this, arguments) || this;
      }
      var _proto2 = Context2.prototype;
      return _proto2.init = function(ctx, blocks, env) {
        var _this4 = this;
        this.env = env || new Environment(), this.ctx = lib.extend({}, ctx), this.blocks = {}, this.exported = [], lib.keys(blocks).forEach(function(name) {
          _this4.addBlock(name, blocks[name]);
        });
      }, _proto2.lookup = function(name) {
        return name in this.env.globals && !(name in this.ctx) ? this.env.globals[name] : this.ctx[name];
      }, _proto2.setVariable = function(name, val) {
        this.ctx[name] = val;
      }, _proto2.getVariables = function() {
        return this.ctx;
      }, _proto2.addBlock = function(name, block) {
        return this.blocks[name] = this.blocks[name] || [], this.blocks[name].push(block), this;
      }, _proto2.getBlock = function(name) {
        if (!this.blocks[name])
          throw new Error('unknown block "' + name + '"');
        return this.blocks[name][0];
      }, _proto2.getSuper = function(env, name, block, frame, runtime2, cb) {
        var idx = lib.indexOf(this.blocks[name] || [], block), blk = this.blocks[name][idx + 1], context = this;
        if (idx === -1 || !blk)
          throw new Error('no super block available for "' + name + '"');
        blk(env, context, frame, runtime2, cb);
      }, _proto2.addExport = function(name) {
        this.exported.push(name);
      }, _proto2.getExported = function() {
        var _this5 = this, exported = {};
        return this.exported.forEach(function(name) {
          exported[name] = _this5.ctx[name];
        }), exported;
      }, Context2;
    })(Obj), Template = /* @__PURE__ */ (function(_Obj2) {
      _inheritsLoose(Template2, _Obj2);
      function Template2() {
        return _Obj2.apply(this, arguments) || this;
      }
      var _proto3 = Template2.prototype;
      return _proto3.init = function(src, env, path, eagerCompile) {
        if (this.env = env || new Environment(), lib.isObject(src))
          switch (src.type) {
            case "code":
              this.tmplProps = src.obj;
              break;
            case "string":
              this.tmplStr = src.obj;
              break;
            default:
              throw new Error("Unexpected template object type " + src.type + "; expected 'code', or 'string'");
          }
        else if (lib.isString(src))
          this.tmplStr = src;
        else
          throw new Error("src must be a string or an object describing the source");
        if (this.path = path, eagerCompile)
          try {
            this._compile();
          } catch (err) {
            throw lib._prettifyError(this.path, this.env.opts.dev, err);
          }
        else
          this.compiled = !1;
      }, _proto3.render = function(ctx, parentFrame, cb) {
        var _this6 = this;
        typeof ctx == "function" ? (cb = ctx, ctx = {}) : typeof parentFrame == "function" && (cb = parentFrame, parentFrame = null);
        var forceAsync = !parentFrame;
        try {
          this.compile();
        } catch (e) {
          var err = lib._prettifyError(this.path, this.env.opts.dev, e);
          if (cb)
            return callbackAsap(cb, err);
          throw err;
        }
        var context = new Context(ctx || {}, this.blocks, this.env), frame = parentFrame ? parentFrame.push(!0) : new Frame();
        frame.topLevel = !0;
        var syncResult = null, didError = !1;
        return this.rootRenderFunc(this.env, context, frame, globalRuntime, function(err2, res) {
          if (!(didError && cb && typeof res < "u"))
            if (err2 && (err2 = lib._prettifyError(_this6.path, _this6.env.opts.dev, err2), didError = !0), cb)
              forceAsync ? callbackAsap(cb, err2, res) : cb(err2, res);
            else {
              if (err2)
                throw err2;
              syncResult = res;
            }
        }), syncResult;
      }, _proto3.getExported = function(ctx, parentFrame, cb) {
        typeof ctx == "function" && (cb = ctx, ctx = {}), typeof parentFrame == "function" && (cb = parentFrame, parentFrame = null);
        try {
          this.compile();
        } catch (e) {
          if (cb)
            return cb(e);
          throw e;
        }
        var frame = parentFrame ? parentFrame.push() : new Frame();
        frame.topLevel = !0;
        var context = new Context(ctx || {}, this.blocks, this.env);
        this.rootRenderFunc(this.env, context, frame, globalRuntime, function(err) {
          err ? cb(err, null) : cb(null, context.getExported());
        });
      }, _proto3.compile = function() {
        this.compiled || this._compile();
      }, _proto3._compile = function() {
        var props;
        if (this.tmplProps)
          props = this.tmplProps;
        else {
          var source = compiler.compile(this.tmplStr, this.env.asyncFilters, this.env.extensionsList, this.path, this.env.opts), func = new Function(source);
          props = func();
        }
        this.blocks = this._getBlocks(props), this.rootRenderFunc = props.root, this.compiled = !0;
      }, _proto3._getBlocks = function(props) {
        var blocks = {};
        return lib.keys(props).forEach(function(k) {
          k.slice(0, 2) === "b_" && (blocks[k.slice(2)] = props[k]);
        }), blocks;
      }, Template2;
    })(Obj);
    module2.exports = {
      Environment,
      Template
    };
  }
});

// node_modules/nunjucks/src/precompile-global.js
var require_precompile_global = __commonJS({
  "node_modules/nunjucks/src/precompile-global.js"(exports2, module2) {
    "use strict";
    function precompileGlobal(templates, opts) {
      var out = "";
      opts = opts || {};
      for (var i = 0; i < templates.length; i++) {
        var name = JSON.stringify(templates[i].name), template = templates[i].template;
        out += "(function() {(window.nunjucksPrecompiled = window.nunjucksPrecompiled || {})[" + name + `] = (function() {
` + template + `
})();
`, opts.asFunction && (out += "return function(ctx, cb) { return nunjucks.render(" + name + `, ctx, cb); }
`), out += `})();
`;
      }
      return out;
    }
    module2.exports = precompileGlobal;
  }
});

// node_modules/nunjucks/src/precompile.js
var require_precompile = __commonJS({
  "node_modules/nunjucks/src/precompile.js"(exports2, module2) {
    "use strict";
    var fs = require("fs"), path = require("path"), _require = require_lib(), _prettifyError = _require._prettifyError, compiler = require_compiler(), _require2 = require_environment(), Environment = _require2.Environment, precompileGlobal = require_precompile_global();
    function match(filename, patterns) {
      return Array.isArray(patterns) ? patterns.some(function(pattern) {
        return filename.match(pattern);
      }) : !1;
    }
    function precompileString(str, opts) {
      opts = opts || {}, opts.isString = !0;
      var env = opts.env || new Environment([]), wrapper = opts.wrapper || precompileGlobal;
      if (!opts.name)
        throw new Error('the "name" option is required when compiling a string');
      return wrapper([_precompile(str, opts.name, env)], opts);
    }
    function precompile(input, opts) {
      opts = opts || {};
      var env = opts.env || new Environment([]), wrapper = opts.wrapper || precompileGlobal;
      if (opts.isString)
        return precompileString(input, opts);
      var pathStats = fs.existsSync(input) && fs.statSync(input), precompiled = [], templates = [];
      function addTemplates(dir) {
        fs.readdirSync(dir).forEach(function(file) {
          var filepath = path.join(dir, file), subpath = filepath.substr(path.join(input, "/").length), stat = fs.statSync(filepath);
          stat && stat.isDirectory() ? (subpath += "/", match(subpath, opts.exclude) || addTemplates(filepath)) : match(subpath, opts.include) && templates.push(filepath);
        });
      }
      if (pathStats.isFile())
        precompiled.push(_precompile(fs.readFileSync(input, "utf-8"), opts.name || input, env));
      else if (pathStats.isDirectory()) {
        addTemplates(input);
        for (var i = 0; i < templates.length; i++) {
          var name = templates[i].replace(path.join(input, "/"), "");
          try {
            precompiled.push(_precompile(fs.readFileSync(templates[i], "utf-8"), name, env));
          } catch (e) {
            if (opts.force)
              console.error(e);
            else
              throw e;
          }
        }
      }
      return wrapper(precompiled, opts);
    }
    function _precompile(str, name, env) {
      env = env || new Environment([]);
      var asyncFilters = env.asyncFilters, extensions = env.extensionsList, template;
      name = name.replace(/\\/g, "/");
      try {
        template = compiler.compile(str, asyncFilters, extensions, name, env.opts);
      } catch (err) {
        throw _prettifyError(name, !1, err);
      }
      return {
        name,
        template
      };
    }
    module2.exports = {
      precompile,
      precompileString
    };
  }
});

// node_modules/nunjucks/src/jinja-compat.js
var require_jinja_compat = __commonJS({
  "node_modules/nunjucks/src/jinja-compat.js"(exports2, module2) {
    "use strict";
    function installCompat() {
      "use strict";
      var runtime2 = this.runtime, lib = this.lib, Compiler = this.compiler.Compiler, Parser = this.parser.Parser, nodes = this.nodes, lexer = this.lexer, orig_contextOrFrameLookup = runtime2.contextOrFrameLookup, orig_memberLookup = runtime2.memberLookup, orig_Compiler_assertType, orig_Parser_parseAggregate;
      Compiler && (orig_Compiler_assertType = Compiler.prototype.assertType), Parser && (orig_Parser_parseAggregate = Parser.prototype.parseAggregate);
      function uninstall() {
        runtime2.contextOrFrameLookup = orig_contextOrFrameLookup, runtime2.memberLookup = orig_memberLookup, Compiler && (Compiler.prototype.assertType = orig_Compiler_assertType), Parser && (Parser.prototype.parseAggregate = orig_Parser_parseAggregate);
      }
      runtime2.contextOrFrameLookup = function(context, frame, key) {
        var val = orig_contextOrFrameLookup.apply(this, arguments);
        if (val !== void 0)
          return val;
        switch (key) {
          case "True":
            return !0;
          case "False":
            return !1;
          case "None":
            return null;
          default:
            return;
        }
      };
      function getTokensState(tokens) {
        return {
          index: tokens.index,
          lineno: tokens.lineno,
          colno: tokens.colno
        };
      }
      if (process.env.BUILD_TYPE !== "SLIM" && nodes && Compiler && Parser) {
        var Slice = nodes.Node.extend("Slice", {
          fields: ["start", "stop", "step"],
          init: function(lineno, colno, start, stop, step) {
            start = start || new nodes.Literal(lineno, colno, null), stop = stop || new nodes.Literal(lineno, colno, null), step = step || new nodes.Literal(lineno, colno, 1), this.parent(lineno, colno, start, stop, step);
          }
        });
        Compiler.prototype.assertType = function(node) {
          node instanceof Slice || orig_Compiler_assertType.apply(this, arguments);
        }, Compiler.prototype.compileSlice = function(node, frame) {
          this._emit("("), this._compileExpression(node.start, frame), this._emit("),("), this._compileExpression(node.stop, frame), this._emit("),("), this._compileExpression(node.step, frame), this._emit(")");
        }, Parser.prototype.parseAggregate = function() {
          var _this = this, origState = getTokensState(this.tokens);
          origState.colno--, origState.index--;
          try {
            return orig_Parser_parseAggregate.apply(this);
          } catch (e) {
            var errState = getTokensState(this.tokens), rethrow = function() {
              return lib._assign(_this.tokens, errState), e;
            };
            lib._assign(this.tokens, origState), this.peeked = !1;
            var tok = this.peekToken();
            if (tok.type !== lexer.TOKEN_LEFT_BRACKET)
              throw rethrow();
            this.nextToken();
            for (var node = new Slice(tok.lineno, tok.colno), isSlice = !1, i = 0; i <= node.fields.length && !this.skip(lexer.TOKEN_RIGHT_BRACKET); i++) {
              if (i === node.fields.length)
                if (isSlice)
                  this.fail("parseSlice: too many slice components", tok.lineno, tok.colno);
                else
                  break;
              if (this.skip(lexer.TOKEN_COLON))
                isSlice = !0;
              else {
                var field = node.fields[i];
                node[field] = this.parseExpression(), isSlice = this.skip(lexer.TOKEN_COLON) || isSlice;
              }
            }
            if (!isSlice)
              throw rethrow();
            return new nodes.Array(tok.lineno, tok.colno, [node]);
          }
        };
      }
      function sliceLookup(obj, start, stop, step) {
        obj = obj || [], start === null && (start = step < 0 ? obj.length - 1 : 0), stop === null ? stop = step < 0 ? -1 : obj.length : stop < 0 && (stop += obj.length), start < 0 && (start += obj.length);
        for (var results = [], i = start; !(i < 0 || i > obj.length || step > 0 && i >= stop || step < 0 && i <= stop); i += step)
          results.push(runtime2.memberLookup(obj, i));
        return results;
      }
      function hasOwnProp(obj, key) {
        return Object.prototype.hasOwnProperty.call(obj, key);
      }
      var ARRAY_MEMBERS = {
        pop: function(index) {
          if (index === void 0)
            return this.pop();
          if (index >= this.length || index < 0)
            throw new Error("KeyError");
          return this.splice(index, 1);
        },
        append: function(element) {
          return this.push(element);
        },
        remove: function(element) {
          for (var i = 0; i < this.length; i++)
            if (this[i] === element)
              return this.splice(i, 1);
          throw new Error("ValueError");
        },
        count: function(element) {
          for (var count2 = 0, i = 0; i < this.length; i++)
            this[i] === element && count2++;
          return count2;
        },
        index: function(element) {
          var i;
          if ((i = this.indexOf(element)) === -1)
            throw new Error("ValueError");
          return i;
        },
        find: function(element) {
          return this.indexOf(element);
        },
        insert: function(index, elem) {
          return this.splice(index, 0, elem);
        }
      }, OBJECT_MEMBERS = {
        items: function() {
          return lib._entries(this);
        },
        values: function() {
          return lib._values(this);
        },
        keys: function() {
          return lib.keys(this);
        },
        get: function(key, def) {
          var output = this[key];
          return output === void 0 && (output = def), output;
        },
        has_key: function(key) {
          return hasOwnProp(this, key);
        },
        pop: function(key, def) {
          var output = this[key];
          if (output === void 0 && def !== void 0)
            output = def;
          else {
            if (output === void 0)
              throw new Error("KeyError");
            delete this[key];
          }
          return output;
        },
        popitem: function() {
          var keys = lib.keys(this);
          if (!keys.length)
            throw new Error("KeyError");
          var k = keys[0], val = this[k];
          return delete this[k], [k, val];
        },
        setdefault: function(key, def) {
          return def === void 0 && (def = null), key in this || (this[key] = def), this[key];
        },
        update: function(kwargs) {
          return lib._assign(this, kwargs), null;
        }
      };
      return OBJECT_MEMBERS.iteritems = OBJECT_MEMBERS.items, OBJECT_MEMBERS.itervalues = OBJECT_MEMBERS.values, OBJECT_MEMBERS.iterkeys = OBJECT_MEMBERS.keys, runtime2.memberLookup = function(obj, val, autoescape) {
        return arguments.length === 4 ? sliceLookup.apply(this, arguments) : (obj = obj || {}, lib.isArray(obj) && hasOwnProp(ARRAY_MEMBERS, val) ? ARRAY_MEMBERS[val].bind(obj) : lib.isObject(obj) && hasOwnProp(OBJECT_MEMBERS, val) ? OBJECT_MEMBERS[val].bind(obj) : orig_memberLookup.apply(this, arguments));
      }, uninstall;
    }
    module2.exports = installCompat;
  }
});

// node_modules/nunjucks/index.js
var require_nunjucks = __commonJS({
  "node_modules/nunjucks/index.js"(exports2, module2) {
    "use strict";
    var lib = require_lib(), _require = require_environment(), Environment = _require.Environment, Template = _require.Template, Loader = require_loader(), loaders = require_loaders(), precompile = require_precompile(), compiler = require_compiler(), parser = require_parser(), lexer = require_lexer(), runtime2 = require_runtime(), nodes = require_nodes(), installJinjaCompat = require_jinja_compat(), e;
    function configure(templatesPath, opts) {
      opts = opts || {}, lib.isObject(templatesPath) && (opts = templatesPath, templatesPath = null);
      var TemplateLoader;
      return loaders.FileSystemLoader ? TemplateLoader = new loaders.FileSystemLoader(templatesPath, {
        watch: opts.watch,
        noCache: opts.noCache
      }) : loaders.WebLoader && (TemplateLoader = new loaders.WebLoader(templatesPath, {
        useCache: opts.web && opts.web.useCache,
        async: opts.web && opts.web.async
      })), e = new Environment(TemplateLoader, opts), opts && opts.express && e.express(opts.express), e;
    }
    module2.exports = {
      Environment,
      Template,
      Loader,
      FileSystemLoader: loaders.FileSystemLoader,
      NodeResolveLoader: loaders.NodeResolveLoader,
      PrecompiledLoader: loaders.PrecompiledLoader,
      WebLoader: loaders.WebLoader,
      compiler,
      parser,
      lexer,
      runtime: runtime2,
      lib,
      nodes,
      installJinjaCompat,
      configure,
      reset: function() {
        e = void 0;
      },
      compile: function(src, env, path, eagerCompile) {
        return e || configure(), new Template(src, env, path, eagerCompile);
      },
      render: function(name, ctx, cb) {
        return e || configure(), e.render(name, ctx, cb);
      },
      renderString: function(src, ctx, cb) {
        return e || configure(), e.renderString(src, ctx, cb);
      },
      precompile: precompile ? precompile.precompile : void 0,
      precompileString: precompile ? precompile.precompileString : void 0
    };
  }
});

// src/core/values/template-sandbox-worker.ts
var import_node_readline = require("node:readline");

// src/core/values/template-sandbox-evaluator.ts
var import_nunjucks = __toESM(require_nunjucks(), 1);

// src/core/values/template-sandbox-protocol.ts
var REFUSED = "is not allowed: templates may only read values";

// src/core/values/template-sandbox-evaluator.ts
var FORBIDDEN = /* @__PURE__ */ new Set(["constructor", "__proto__", "prototype", "__defineGetter__", "__defineSetter__"]), MAX_RANGE = 1e5, callable = /* @__PURE__ */ new WeakSet();
function allow(fn) {
  return callable.add(fn), fn;
}
function refuse(what) {
  throw new Error(`\`${what}\` ${REFUSED}`);
}
var text = (value) => typeof value == "string" ? value : display(value), stripChars = (chars) => chars == null ? "\\s" : text(chars).replace(/[\\\]^-]/g, "\\$&"), STRING_METHODS = {
  upper: (s) => s.toUpperCase(),
  lower: (s) => s.toLowerCase(),
  strip: (s, chars) => s.replace(new RegExp(`^[${stripChars(chars)}]+|[${stripChars(chars)}]+$`, "g"), ""),
  lstrip: (s, chars) => s.replace(new RegExp(`^[${stripChars(chars)}]+`), ""),
  rstrip: (s, chars) => s.replace(new RegExp(`[${stripChars(chars)}]+$`), ""),
  replace: (s, old, replacement, count) => {
    let parts = s.split(text(old)), n = typeof count == "number" && count >= 0 ? count : parts.length;
    return parts.slice(0, n + 1).join(text(replacement)) + (n + 1 < parts.length ? text(old) + parts.slice(n + 1).join(text(old)) : "");
  },
  split: (s, separator, maxsplit) => {
    let parts = separator == null ? s.trim().split(/\s+/).filter(Boolean) : s.split(text(separator));
    return typeof maxsplit != "number" || maxsplit < 0 || parts.length <= maxsplit + 1 ? parts : [...parts.slice(0, maxsplit), parts.slice(maxsplit).join(separator == null ? " " : text(separator))];
  },
  startswith: (s, prefix) => s.startsWith(text(prefix)),
  endswith: (s, suffix) => s.endsWith(text(suffix)),
  title: (s) => s.replace(/\w\S*/g, (w) => w[0].toUpperCase() + w.slice(1).toLowerCase()),
  capitalize: (s) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase(),
  find: (s, sub) => s.indexOf(text(sub)),
  count: (s, sub) => text(sub) === "" ? s.length + 1 : s.split(text(sub)).length - 1,
  join: (s, items) => Array.isArray(items) ? items.map(text).join(s) : refuse(`${s}.join`),
  isdigit: (s) => /^\d+$/.test(s)
}, LIST_METHODS = {
  index: (list, item) => list.indexOf(item),
  count: (list, item) => list.filter((x) => x === item).length
}, MAP_METHODS = {
  items: (map) => Object.entries(map),
  keys: (map) => Object.keys(map),
  values: (map) => Object.values(map),
  get: (map, key, fallback = null) => Object.hasOwn(map, text(key)) ? dataProperty(map, text(key)) : fallback
}, bound = (methods, self, key) => allow((...args) => methods[key](self, ...args));
function vetted(value, what) {
  return typeof value == "function" && !callable.has(value) && refuse(what), value;
}
function dataProperty(obj, key) {
  let descriptor = Object.getOwnPropertyDescriptor(obj, key);
  return (!descriptor?.enumerable || !("value" in descriptor)) && refuse(`.${key}`), vetted(descriptor.value, `.${key}`);
}
function memberLookup(obj, key) {
  if (obj == null) return;
  let name = String(key);
  if (FORBIDDEN.has(name) && refuse(`.${name}`), obj instanceof import_nunjucks.default.runtime.SafeString && (obj = obj.toString()), typeof obj == "function" && refuse(`.${name}`), typeof obj == "string") {
    if (name === "length") return obj.length;
    if (/^\d+$/.test(name)) return obj[Number(name)];
    if (Object.hasOwn(STRING_METHODS, name)) return bound(STRING_METHODS, obj, name);
  } else if (Array.isArray(obj)) {
    if (name === "length") return obj.length;
    if (Object.hasOwn(obj, name)) return dataProperty(obj, name);
    if (Object.hasOwn(LIST_METHODS, name)) return bound(LIST_METHODS, obj, name);
  } else if (obj !== null && typeof obj == "object") {
    if (Object.hasOwn(obj, name)) return dataProperty(obj, name);
    if (Object.hasOwn(MAP_METHODS, name)) return bound(MAP_METHODS, obj, name);
  }
  name in Object(obj) && refuse(`.${name}`);
}
function callWrap(fn, name, context, args) {
  let readable = name.replace(/\["([^"]*)"\]/g, ".$1");
  if (!fn) throw new Error(`Unable to call \`${readable}\`, which is undefined or falsey`);
  if (typeof fn != "function") throw new Error(`Unable to call \`${readable}\`, which is not a function`);
  return callable.has(fn) || refuse(readable), fn.apply(context, args);
}
function contextOrFrameLookup(context, frame, name) {
  FORBIDDEN.has(name) && refuse(name);
  let local = frame.lookup(name);
  if (local !== void 0) return local;
  if (Object.hasOwn(context.ctx, name)) return vetted(context.ctx[name], name);
  if (Object.hasOwn(context.env.globals, name)) return context.env.globals[name];
}
function display(value) {
  return value == null ? "" : value instanceof import_nunjucks.default.runtime.SafeString ? value.toString() : Array.isArray(value) ? value.map(display).join(",") : typeof value == "function" ? "[function]" : typeof value == "object" ? "[object Object]" : String(value);
}
var runtime = import_nunjucks.default.runtime, restrictedRuntime = Object.freeze(
  Object.assign(/* @__PURE__ */ Object.create(null), runtime, {
    memberLookup,
    callWrap,
    contextOrFrameLookup,
    suppressValue: (value) => display(value),
    // compiled code counts lines from 0 (0 also when it has none): report them from 1, as parse errors are
    handleError: (error, lineno, colno) => runtime.handleError(error, lineno ? lineno + 1 : void 0, colno + 1),
    makeMacro: (...args) => allow(runtime.makeMacro(...args))
  })
);
function range(start, stop, step = 1) {
  stop === void 0 && ([start, stop] = [0, start]), step || (step = 1);
  let length = Math.ceil((stop - start) / step);
  if (!Number.isFinite(length)) throw new Error("range() takes numbers");
  if (length > MAX_RANGE) throw new Error(`range() of ${length} items: at most ${MAX_RANGE}`);
  return Array.from({ length: Math.max(0, length) }, (_, i) => start + i * step);
}
function cycler(...items) {
  let index = -1, cycle = /* @__PURE__ */ Object.create(null);
  return cycle.current = null, cycle.next = allow(() => (index = (index + 1) % Math.max(items.length, 1), cycle.current = items[index] ?? null, cycle.current)), cycle.reset = allow(() => (index = -1, cycle.current = null, "")), cycle;
}
function joiner(separator = ",") {
  let first = !0;
  return allow(() => {
    let value = first ? "" : text(separator);
    return first = !1, value;
  });
}
function plainData(value) {
  if (Array.isArray(value)) return value.map(plainData);
  if (value !== null && typeof value == "object") {
    let copy = /* @__PURE__ */ Object.create(null);
    for (let [key, item] of Object.entries(value)) copy[key] = plainData(item);
    return copy;
  }
  return typeof value == "function" ? void 0 : value;
}
function restrictedEnvironment() {
  let env = new import_nunjucks.default.Environment([], { autoescape: !1, throwOnUndefined: !0 });
  env.addFilter("tojson", (value) => JSON.stringify(value));
  let raw = env;
  raw.globals = Object.assign(/* @__PURE__ */ Object.create(null), {
    range: allow(range),
    cycler: allow(cycler),
    joiner: allow(joiner)
  });
  let filters = /* @__PURE__ */ Object.create(null);
  for (let [name, filter] of Object.entries(raw.filters))
    filters[name] = function(...args) {
      let result = filter.apply(this, args);
      for (let item of Array.isArray(result) ? result : [result]) vetted(item, `| ${name}`);
      return result;
    };
  return raw.filters = filters, raw.tests = Object.assign(/* @__PURE__ */ Object.create(null), raw.tests), raw.getFilter = (name) => {
    if (!Object.hasOwn(raw.filters, name)) throw new Error(`filter not found: ${name}`);
    return raw.filters[name];
  }, raw.getTest = (name) => {
    if (!Object.hasOwn(raw.tests, name)) throw new Error(`test not found: ${name}`);
    return raw.tests[name];
  }, raw.getTemplate = () => {
    throw new Error(
      "`include`, `import`, `from` and `extends` are not supported: an override file is rendered on its own"
    );
  }, env;
}
var environment = restrictedEnvironment(), UNDEFINED_OUTPUT = "attempted to output null or undefined value";
function recordingRuntime(undefinedAt) {
  return Object.freeze(
    Object.assign(/* @__PURE__ */ Object.create(null), restrictedRuntime, {
      ensureDefined: (value, lineno, colno) => value ?? (undefinedAt.length < 200 && undefinedAt.push({ line: lineno + 1, column: colno + 1 }), "")
    })
  );
}
function renderRestricted(source, variables) {
  let undefinedAt = [];
  try {
    let template = new import_nunjucks.default.Template(source, environment, void 0, !0), root = template.rootRenderFunc;
    template.rootRenderFunc = (env, context, frame, _runtime, cb) => (context.ctx = Object.assign(/* @__PURE__ */ Object.create(null), context.ctx), root(env, context, frame, recordingRuntime(undefinedAt), cb));
    let data = plainData(variables), output = template.render(data !== null && typeof data == "object" ? data : {});
    if (undefinedAt.length === 0) return { output };
    let [first] = undefinedAt;
    return { error: `(unknown path) [Line ${first.line}, Column ${first.column}]
  ${UNDEFINED_OUTPUT}`, undefinedAt };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

// src/core/values/template-sandbox-worker.ts
function answer(request) {
  return renderRestricted(String(request.source ?? ""), request.variables ?? {});
}
(0, import_node_readline.createInterface)({ input: process.stdin }).on("line", (line) => {
  let request;
  try {
    request = JSON.parse(line);
  } catch {
    return;
  }
  process.stdout.write(`${JSON.stringify({ id: request.id, ...answer(request) })}
`);
}).on("close", () => process.exit(0));
