module.exports = require('@backprop/jest-preset').jestConfig(__dirname);
